using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Microsoft.Extensions.Options;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Raises integration events: each is added to the outbox of the caller's context, so it is
/// committed with the change it reports or not at all. Events for partner agencies' nodes are
/// entered in the disclosure log in the same transaction.
/// </summary>
public sealed class EventOutbox(IOptions<MashNodeOptions> node, IOptions<EventingOptions> options, CallAudit call, TimeProvider time)
{
    public const int SchemaVersion = 1;

    /// <summary>
    /// Shares a change about a child with partner agencies' nodes, unless it must not be shared:
    /// then the decision not to share is recorded with its reason instead. Returns whether shared.
    /// </summary>
    public bool ShareWithPartners(
        MashDbContext db, string topic, IMessage payload, string childKey, bool childConfirmed, LawfulBasis lawfulBasis, string purpose, string recordId = "")
    {
        var what = payload.Descriptor.FullName;
        if (lawfulBasis == LawfulBasis.Unspecified)
        {
            RecordNotShared(db, topic, what, childKey, lawfulBasis, purpose, "No lawful basis was stated for sharing.");
            return false;
        }

        if (!childConfirmed && !options.Value.ShareUnconfirmedChildMatches)
        {
            // Without an NHS number partners could attach it to the wrong child (a known failure).
            RecordNotShared(db, topic, what, childKey, lawfulBasis, purpose,
                "The child's identity is unconfirmed (no NHS number): not shared automatically, to avoid a wrong-child match.");
            return false;
        }

        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode: "", recordId);
        return true;
    }

    /// <summary>Raises an event for every subscriber of <paramref name="topic"/>.</summary>
    public EventEnvelope Enqueue(MashDbContext db, string topic, IMessage payload, string childKey, LawfulBasis lawfulBasis, string purpose) =>
        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode: "", recordId: "");

    /// <summary>
    /// Raises an event for one node only (a referral for the area's front door, its outcome for the
    /// referrer): other nodes' consumers leave it unapplied, and the disclosure log names that node.
    /// </summary>
    public EventEnvelope SendToNode(
        MashDbContext db, string topic, IMessage payload, string childKey, string destinationNode, LawfulBasis lawfulBasis, string purpose, string recordId = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationNode);
        return Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode, recordId);
    }

    private EventEnvelope Add(
        MashDbContext db, string topic, IMessage payload, string childKey, LawfulBasis lawfulBasis, string purpose, string destinationNode, string recordId)
    {
        var now = time.GetUtcNow();
        var envelope = new EventEnvelope
        {
            EventId = "evt_" + Guid.CreateVersion7(now).ToString("N"),
            Type = payload.Descriptor.FullName,
            OriginNode = node.Value.Id,
            OriginAgency = AgencyNames.ToContract(node.Value.Agency),
            OccurredAt = Timestamp.FromDateTimeOffset(now),
            SchemaVersion = SchemaVersion,
            LawfulBasis = lawfulBasis,
            ChildKey = childKey,
            Payload = Any.Pack(payload),
            Purpose = purpose,
            DestinationNode = destinationNode,
        };
        EventTracing.Stamp(envelope);

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = envelope.EventId,
            Topic = topic,
            SessionId = childKey,
            Type = envelope.Type,
            OriginNode = envelope.OriginNode,
            Envelope = envelope.ToByteArray(),
            CreatedAt = now.UtcDateTime,
        });

        if (Topics.IsSharedWithPartners(topic))
        {
            var disclosure = Disclosure(envelope.EventId, topic, envelope.Type, childKey, lawfulBasis, purpose, shared: true,
                "Shared with partner agencies' nodes to safeguard the child.", destinationNode);
            disclosure.RecordId = recordId;
            disclosure.DestinationNode = destinationNode;
            db.Set<DisclosureRecord>().Add(disclosure);
        }

        return envelope;
    }

    /// <summary>Records a decision not to share, with its reason: decisions not to share are kept too.</summary>
    public void RecordNotShared(MashDbContext db, string topic, string what, string childKey, LawfulBasis lawfulBasis, string purpose, string reason) =>
        db.Set<DisclosureRecord>().Add(Disclosure("", topic, what, childKey, lawfulBasis, purpose, shared: false, reason));

    private DisclosureRecord Disclosure(
        string eventId, string topic, string what, string childKey, LawfulBasis basis, string purpose, bool shared, string reason, string destinationNode = "") => new()
    {
        DecidedAt = time.GetUtcNow().UtcDateTime,
        ChildKey = childKey,
        Shared = shared,
        EventId = eventId,
        What = what,
        Recipients = destinationNode.Length > 0 ? $"node '{destinationNode}'" : $"partner nodes subscribed to '{topic}'",
        Purpose = purpose,
        LawfulBasis = LawfulBases.Name(basis),
        Reason = reason,
        DecidedBy = $"{call.Caller.ClientId} ({call.Caller.Agency})",
    };
}
