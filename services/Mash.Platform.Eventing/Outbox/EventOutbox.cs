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
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Time;
using Mash.Platform.Identity;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Raises integration events: each is added to the outbox of the caller's context, so it is
/// committed with the change it reports or not at all. Events for partner agencies' nodes are
/// entered in the disclosure log in the same transaction.
/// </summary>
public sealed class EventOutbox(
    IOptions<MashNodeOptions> node, IOptions<EventingOptions> options, AgreementRegistry agreements, ServiceClock clock, CallAudit call, TimeProvider time,
    Inbox.ConsumerIdentity service)
{
    public const int SchemaVersion = 1;

    /// <summary>
    /// Shares a change about a child with every partner node that has an agreement in force for
    /// its data category, and records, for each partner the registry names that has none, the
    /// decision not to share and why. Nothing is shared without a lawful basis, or (unless
    /// configured) for a child whose identity is unconfirmed. Returns whether anyone was sent it.
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

        var category = DataCategories.OfTopic(topic);
        var decisions = agreements.Decide(category, clock.Today);
        foreach (var refused in decisions.Where(d => !d.Shared))
        {
            RecordNotShared(db, topic, what, childKey, lawfulBasis, purpose, refused.Reason, refused.PartnerNode);
        }

        var shared = decisions.Where(d => d.Shared).ToList();
        if (shared.Count == 0)
        {
            if (decisions.Count == 0)
            {
                RecordNotShared(db, topic, what, childKey, lawfulBasis, purpose,
                    $"{AgreementRegistry.NoAgreementInForce} with any partner node for {DataCategories.Describe(category)}.");
            }

            return false;
        }

        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode: "", recordId, shared);
        return true;
    }

    /// <summary>
    /// Raises an event for the subscribers of <paramref name="topic"/> at this node: addressed to it, so other
    /// nodes' services (which would leave it unapplied) get no copy. Partners get events only by
    /// <see cref="ShareWithPartners"/> and <see cref="SendToNode"/>.
    /// </summary>
    public EventEnvelope Enqueue(MashDbContext db, string topic, IMessage payload, string childKey, LawfulBasis lawfulBasis, string purpose) =>
        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode: node.Value.Id, recordId: "", []);

    /// <summary>
    /// Raises an event for one node only (a referral for the area's front door, its outcome for the
    /// referrer, a receipt): other nodes' consumers leave it unapplied. A partner topic is sent only
    /// under an agreement in force with that node, else the decision not to share is recorded; returns whether sent.
    /// </summary>
    public bool SendToNode(
        MashDbContext db, string topic, IMessage payload, string childKey, string destinationNode, LawfulBasis lawfulBasis, string purpose, string recordId = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationNode);
        if (!Topics.IsSharedWithPartners(topic))
        {
            Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode, recordId, []);
            return true;
        }

        var decision = AgreementFor(destinationNode, topic);
        if (!decision.Shared)
        {
            RecordNotShared(db, topic, payload.Descriptor.FullName, childKey, lawfulBasis, purpose, decision.Reason, destinationNode);
            return false;
        }

        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode, recordId, [decision]);
        return true;
    }

    /// <summary>
    /// Answers one service at a partner node (a receipt or an access notice, for the service that shared): the
    /// node's other services and other nodes leave it unapplied. For a node's own topics, not those shared under agreements.
    /// </summary>
    public void SendToService(
        MashDbContext db, string topic, IMessage payload, string childKey, string destinationNode, string destinationService, LawfulBasis lawfulBasis, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationNode);
        if (Topics.IsSharedWithPartners(topic))
        {
            throw new ArgumentException($"Topic '{topic}' is shared under agreements: send it with {nameof(SendToNode)}.", nameof(topic));
        }

        Add(db, topic, payload, childKey, lawfulBasis, purpose, destinationNode, recordId: "", [], destinationService);
    }

    /// <summary>Whether an agreement in force today lets this node send <paramref name="topic"/>'s events to that node, and why not.</summary>
    public SharingDecision AgreementFor(string partnerNode, string topic) =>
        agreements.DecideFor(partnerNode, DataCategories.OfTopic(topic), clock.Today);

    private EventEnvelope Add(
        MashDbContext db, string topic, IMessage payload, string childKey, LawfulBasis lawfulBasis, string purpose, string destinationNode, string recordId,
        List<SharingDecision> recipients, string destinationService = "")
    {
        var now = time.GetUtcNow();
        var envelope = new EventEnvelope
        {
            EventId = RecordIds.New("evt_", now),
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
            OriginService = service.ServiceName,
            DestinationService = destinationService,
        };
        if (destinationNode.Length == 0 && recipients.Count > 0)
        {
            envelope.RecipientNodes.Add(node.Value.Id);
            envelope.RecipientNodes.AddRange(recipients.Select(r => r.PartnerNode));
        }

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

        // One disclosure per partner node, under the agreement that allowed it: its receipt is awaited from that node.
        foreach (var recipient in recipients)
        {
            var disclosure = Disclosure(envelope.EventId, topic, envelope.Type, childKey, lawfulBasis, purpose, shared: true,
                $"Shared with partner node '{recipient.PartnerNode}' to safeguard the child, under agreement '{recipient.Agreement!.Id}'.", recipient.PartnerNode);
            disclosure.RecordId = recordId;
            disclosure.AgreementId = recipient.Agreement.Id;
            disclosure.RecipientAgency = recipient.Agreement.PartnerAgency;
            db.Set<DisclosureRecord>().Add(disclosure);
        }

        return envelope;
    }

    /// <summary>Records a decision not to share, with its reason: decisions not to share are kept too.</summary>
    public void RecordNotShared(
        MashDbContext db, string topic, string what, string childKey, LawfulBasis lawfulBasis, string purpose, string reason, string partnerNode = "") =>
        db.Set<DisclosureRecord>().Add(Disclosure("", topic, what, childKey, lawfulBasis, purpose, shared: false, reason, partnerNode));

    /// <summary>
    /// A disclosure made outside the event bus (a notification put in a school's list), or the
    /// decision not to make it, naming the recipient in words: the disclosure log holds every one.
    /// </summary>
    public void RecordDirectDisclosure(
        MashDbContext db, string what, string childKey, LawfulBasis lawfulBasis, string purpose, string recipient, bool shared, string reason, string recordId)
    {
        var disclosure = Disclosure("", "", what, childKey, lawfulBasis, purpose, shared, reason, "");
        disclosure.Recipients = recipient;
        disclosure.RecordId = recordId;
        db.Set<DisclosureRecord>().Add(disclosure);
    }

    private DisclosureRecord Disclosure(
        string eventId, string topic, string what, string childKey, LawfulBasis basis, string purpose, bool shared, string reason, string partnerNode) => new()
    {
        DecidedAt = time.GetUtcNow().UtcDateTime,
        ChildKey = childKey,
        Shared = shared,
        EventId = eventId,
        What = what,
        Recipients = partnerNode.Length > 0 ? $"node '{partnerNode}'" : $"partner nodes subscribed to '{topic}'",
        Purpose = purpose,
        LawfulBasis = LawfulBases.Name(basis),
        Reason = reason,
        DecidedBy = $"{call.Caller.ClientId} ({call.Caller.Agency})",
        DestinationNode = partnerNode,
    };
}
