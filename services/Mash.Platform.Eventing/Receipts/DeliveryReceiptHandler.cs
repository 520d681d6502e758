using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Eventing.Receipts;

/// <summary>
/// A partner node's receipt for something shared from this node: kept when this service shared it, once
/// per node. A receipt names the service that shared (the envelope's destination service) and reaches only
/// it; one from a node of an earlier version names none and reaches every service here that handles
/// receipts, so a service that did not share the event keeps no inbox entry for its receipt.
/// </summary>
public sealed class DeliveryReceiptHandler(MashDbContext db, DeliveryReceipts receipts, ConsumedEvent consumed) : IIntegrationEventHandler<DeliveryReceipt>
{
    private const int MaxIdLength = Limits.RequestLimits.MaxIdLength;

    public async Task HandleAsync(EventEnvelope envelope, DeliveryReceipt payload, CancellationToken cancellationToken)
    {
        if (payload.EventId.Length is 0 or > MaxIdLength || envelope.OriginNode.Length == 0 || !Timestamps.TryUtc(payload.StoredAt, out var storedAt))
        {
            throw new UnprocessableEventException("IncompleteReceipt", "A DeliveryReceipt needs the event id, the node that stored it and when.");
        }

        if (await db.Set<DisclosureRecord>().AnyAsync(d => d.EventId == payload.EventId && d.Shared, cancellationToken))
        {
            await receipts.KeepAsync(db, payload.EventId, envelope, storedAt, cancellationToken);
        }
        else
        {
            consumed.NotForThisService();
        }
    }
}
