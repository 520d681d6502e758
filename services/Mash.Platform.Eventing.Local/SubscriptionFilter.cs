using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// What a subscription takes a copy of: a message for its node (or every node), for its service (or every
/// service), from an origin its consumer applies. Its consumer still decides for itself; this only spares
/// it deliveries it would settle unapplied.
/// </summary>
internal sealed record SubscriptionFilter(long Id, string Node, string Service, SubscriptionOrigin Origin)
{
    public bool Takes(TransportMessage message) =>
        ForNode(message) && (message.Service.Length == 0 || Service.Length == 0 || message.Service == Service) && FromOrigin(message);

    private bool ForNode(TransportMessage message) =>
        message.Nodes.Count == 0 || Node.Length == 0 || message.Nodes.Contains(Node, StringComparer.Ordinal);

    /// <summary>Origins are relative to the subscription's node: one that names none takes every origin.</summary>
    private bool FromOrigin(TransportMessage message) => Node.Length == 0 || Origin switch
    {
        SubscriptionOrigin.ThisNode => message.OriginNode == Node,
        SubscriptionOrigin.OtherNodes => message.OriginNode != Node,
        _ => true,
    };
}
