using Mash.Contracts.Events.V1;

namespace Mash.Platform.Eventing.Transport;

/// <summary>
/// Which nodes' services may apply an event, from its envelope: what a broker needs to copy it only there
/// (<see cref="TransportMessage.Nodes"/>). The consumer still decides for itself (<c>EventConsumer</c>);
/// this only spares the other nodes a delivery they would settle unapplied.
/// </summary>
public static class MessageAddress
{
    /// <returns>
    /// For one node: that node and the origin (a handler there may want its own node's events, whoever they
    /// are addressed to). Shared under agreements: the recipient nodes, the origin among them. Otherwise
    /// (an envelope from before addresses): empty, every node.
    /// </returns>
    public static IReadOnlyList<string> NodesOf(EventEnvelope envelope)
    {
        if (envelope.DestinationNode.Length > 0)
        {
            return envelope.OriginNode.Length == 0 || envelope.OriginNode == envelope.DestinationNode
                ? [envelope.DestinationNode]
                : [envelope.DestinationNode, envelope.OriginNode];
        }

        return envelope.RecipientNodes.Count > 0 ? [.. envelope.RecipientNodes] : [];
    }

    /// <returns>The one service the envelope is for at its destination, or empty for every service.</returns>
    public static string ServiceOf(EventEnvelope envelope) => envelope.DestinationService;
}
