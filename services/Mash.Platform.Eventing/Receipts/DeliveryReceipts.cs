using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Eventing.Receipts;

/// <summary>
/// Delivery receipts both ways: a node that stores what a partner shared answers with a receipt, in
/// the same transaction; the sender reads which partner nodes hold each record it shared, since when.
/// </summary>
public sealed class DeliveryReceipts(EventOutbox outbox, TimeProvider time)
{
    public const string Purpose = "Receipt for a record a partner node shared";

    /// <summary>Answers the partner that shared <paramref name="envelope"/>: stored here, now.</summary>
    public void Acknowledge(MashDbContext db, EventEnvelope envelope)
    {
        if (envelope.OriginNode.Length == 0 || envelope.EventId.Length == 0)
        {
            return;
        }

        var receipt = new DeliveryReceipt { EventId = envelope.EventId, EventType = envelope.Type, StoredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        // To the service that shared it, when the envelope names it (not one from an earlier version): the node's other services hold no record of it.
        outbox.SendToService(db, Topics.DeliveryReceipts, receipt, envelope.ChildKey, envelope.OriginNode, envelope.OriginService, envelope.LawfulBasis, Purpose);
    }

    /// <summary>
    /// Keeps a receipt that arrived in another form (a front door's first report on a referral is its
    /// receipt): for the event that shared <paramref name="recordId"/> as <paramref name="eventType"/>, once per node.
    /// </summary>
    public async Task RecordAsync(
        MashDbContext db, string recordId, string eventType, EventEnvelope from, DateTime storedAt, CancellationToken cancellationToken)
    {
        var eventId = await db.Set<DisclosureRecord>().Where(d => d.Shared && d.RecordId == recordId && d.What == eventType)
            .Select(d => d.EventId).FirstOrDefaultAsync(cancellationToken);
        if (eventId is not null)
        {
            await KeepAsync(db, eventId, from, storedAt, cancellationToken);
        }
    }

    /// <summary>The receipt of <paramref name="from"/>'s node for an event shared from here: kept once per node.</summary>
    internal async Task KeepAsync(MashDbContext db, string eventId, EventEnvelope from, DateTime storedAt, CancellationToken cancellationToken)
    {
        if (await db.Set<DeliveryReceiptRecord>().AnyAsync(r => r.EventId == eventId && r.ReceivingNode == from.OriginNode, cancellationToken))
        {
            return;
        }

        db.Set<DeliveryReceiptRecord>().Add(new DeliveryReceiptRecord
        {
            EventId = eventId,
            ReceivingNode = from.OriginNode,
            ReceivingAgency = from.OriginAgency,
            StoredAt = storedAt,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>For each record shared from here, the partner nodes that stored it, each with its first receipt's time.</summary>
    public static async Task<ILookup<string, PartnerReceipt>> HeldByAsync(MashDbContext db, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        var receipts = await (from d in db.Set<DisclosureRecord>()
                              join r in db.Set<DeliveryReceiptRecord>() on d.EventId equals r.EventId
                              where d.Shared && recordIds.Contains(d.RecordId)
                              select new { d.RecordId, r.ReceivingNode, r.ReceivingAgency, r.StoredAt }).ToListAsync(cancellationToken);
        return receipts
            .GroupBy(r => (r.RecordId, r.ReceivingNode))
            .Select(g => g.MinBy(r => r.StoredAt)!)
            .OrderBy(r => r.StoredAt).ThenBy(r => r.ReceivingNode, StringComparer.Ordinal)
            .ToLookup(r => r.RecordId, r => new PartnerReceipt
            {
                Node = r.ReceivingNode,
                Agency = r.ReceivingAgency,
                StoredAt = Timestamp.FromDateTime(r.StoredAt),
            });
    }
}
