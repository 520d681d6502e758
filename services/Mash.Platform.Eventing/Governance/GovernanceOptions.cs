namespace Mash.Platform.Eventing.Governance;

/// <summary>The governance API's settings (<c>Mash:Governance</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Mash:Governance";

    /// <summary>The accesses one service puts in a case export (newest first); ListChildAccesses pages them all. Default 5,000.</summary>
    public int MaxExportedAccesses { get; set; } = 5_000;
}
