using Mash.Contracts.Events.V1;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Google.Protobuf;

namespace Mash.Custody.IntegrationEvents;

/// <summary>
/// At the local authority's node: a police node's request for accommodation joins the out-of-hours
/// team's open requests once, however often it arrives, and the police node gets a receipt.
/// </summary>
internal sealed class AccommodationRequestedHandler(CustodyDbContext db, CallAudit audit, DeliveryReceipts receipts, ChildKeyHasher childKeys, ServiceClock clock)
    : IIntegrationEventHandler<AccommodationRequested>
{
    public async Task HandleAsync(EventEnvelope envelope, AccommodationRequested payload, CancellationToken cancellationToken)
    {
        if (payload.RequestId.Length is 0 or > RequestLimits.MaxIdLength || payload.DetentionId.Length is 0 or > RequestLimits.MaxIdLength
            || payload.Child is null || !Timestamps.TryUtc(payload.RequestedAt, out var requestedAt)
            || envelope.OriginNode.Length is 0 or > RequestLimits.MaxNodeIdLength)
        {
            throw new UnprocessableEventException("IncompleteRequest", "An AccommodationRequested event needs the request's and detention's ids, the child, the time of the request and the police node.");
        }

        if (await db.ReceivedRequests.AsNoTracking().AnyAsync(r => r.Id == payload.RequestId, cancellationToken))
        {
            return;
        }

        var received = new ReceivedRequestRecord
        {
            Id = payload.RequestId,
            PoliceNode = envelope.OriginNode,
            DetentionId = payload.DetentionId,
            // The key as this node computes it, so the child's records here meet.
            ChildKey = childKeys.KeyFor(payload.Child),
            Child = payload.Child.ToByteArray(),
            AgeAtArrest = payload.AgeAtArrest,
            ChargedAt = Timestamps.TryUtc(payload.ChargedAt, out var charged) ? charged : null,
            CustodySuite = Clip(payload.CustodySuite),
            Offence = Clip(payload.Offence),
            Area = Clip(payload.Area),
            RequestedAt = requestedAt,
            RequestedBy = Clip(payload.RequestedBy),
            SecureAccommodationSought = payload.SecureAccommodationSought,
            PublicProtectionReason = Clip(payload.PublicProtectionReason),
            ReceivedAt = clock.UtcNow,
        };
        db.ReceivedRequests.Add(received);
        audit.TouchPartnerRecord(received.ChildKey, received.PoliceNode, received.Id, CustodyServiceSetup.ServiceName);
        receipts.Acknowledge(db, envelope);
    }

    private static string Clip(string text) => text.Length <= 2_000 ? text : text[..2_000];
}
