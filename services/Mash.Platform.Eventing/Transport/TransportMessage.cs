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
    ReadOnlyMemory<byte> Body);

/// <summary>One consuming service's subscription on one node, e.g. topic "cse-flags", name "assessment-social-care".</summary>
public sealed record Subscription(string Topic, string Name);

/// <summary>A dead-lettered message with the reason it could not be handled.</summary>
public sealed record DeadLetter(TransportMessage Message, string Reason, string Description, int DeliveryCount, DateTimeOffset DeadLetteredAt);
