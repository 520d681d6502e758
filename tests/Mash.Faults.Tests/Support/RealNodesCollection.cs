namespace Mash.Faults.Tests.Support;

/// <summary>
/// The tests that start a node (five processes) and load it run one after another: on two cores,
/// side by side they would mostly measure each other (and slow the end-to-end suite's nodes).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealNodesCollection
{
    public const string Name = "Real nodes under faults";
}
