using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Testing.Eventing;

/// <summary>Envelopes as a node's publisher makes them, for delivering through a service's consumer.</summary>
public static class Envelopes
{
    /// <summary>An envelope of the payload about the child, raised at the origin node.</summary>
    public static EventEnvelope For(
        IMessage payload, string childKey, string originNode, Agency agency, DateTimeOffset occurredAt, LawfulBasis basis, string? eventId = null) => new()
        {
            EventId = eventId ?? "evt_" + Guid.NewGuid().ToString("N"),
            Type = payload.Descriptor.FullName,
            OriginNode = originNode,
            OriginAgency = agency,
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
            SchemaVersion = 1,
            LawfulBasis = basis,
            ChildKey = childKey,
            Payload = Any.Pack(payload),
            Purpose = "Safeguarding the child",
        };
}
