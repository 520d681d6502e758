namespace Mash.Platform.Eventing.Transport;

/// <summary>
/// A message as a broker carries it. <see cref="MessageId"/> is the event id (duplicate
/// detection), <see cref="SessionId"/> the child key (per-child order). The body is the
/// serialized mash.events.v1.EventEnvelope.
/// </summary>
public sealed record TransportMessage(
    string MessageId,
    string Topic,
    string SessionId,
    string Type,
    string OriginNode,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// The nodes whose services may apply it (<see cref="MessageAddress"/>); empty for every node. A broker may
    /// leave it out of subscriptions declared for other nodes: their consumers would only settle it unapplied.
    /// </summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>
    /// The one service whose subscriptions may apply it (a receipt for the service that shared); empty for every
    /// service. A broker may leave it out of subscriptions declared for other services.
    /// </summary>
    public string Service { get; init; } = "";
}

/// <summary>One consuming service's subscription on one node, e.g. topic "cse-flags", name "assessment-social-care".</summary>
public sealed record Subscription(string Topic, string Name)
{
    /// <summary>
    /// The node whose service consumes it: it needs no copy of a message addressed to other nodes only.
    /// Empty: a copy of every message, whatever its address.
    /// </summary>
    public string Node { get; init; } = "";

    /// <summary>The service that consumes it: it needs no copy of a message addressed to another service. Empty: any.</summary>
    public string Service { get; init; } = "";

    /// <summary>
    /// Whose messages its consumer applies, relative to <see cref="Node"/>: a broker may leave out the others
    /// (a node's own CSE flag, echoed back to a service that applies only partners'). Any: every origin.
    /// </summary>
    public SubscriptionOrigin Origin { get; init; } = SubscriptionOrigin.AnyNode;
}

/// <summary>The origins a subscription's consumer applies, relative to the subscription's node.</summary>
public enum SubscriptionOrigin
{
    AnyNode = 0,
    ThisNode = 1,
    OtherNodes = 2,
}

/// <summary>A dead-lettered message with the reason it could not be handled.</summary>
public sealed record DeadLetter(TransportMessage Message, string Reason, string Description, int DeliveryCount, DateTimeOffset DeadLetteredAt);
