using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Idempotency;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.Referral.Application;

namespace Mash.Referral.IntegrationEvents;

/// <summary>
/// At the area's MASH front door: a referral made at another node joins the screening queue as if
/// submitted here (the same completeness score, clocks from its receipt), once however often its event
/// arrives, and the referring node is sent the front door's receipt.
/// </summary>
internal sealed class ReferralSentToFrontDoorHandler(
    ReferralDbContext db, CallAudit audit, FrontDoors frontDoors, ReferralFactory referrals, EventOutbox outbox, ChildRecords children, ServiceClock clock)
    : IIntegrationEventHandler<ReferralSentToFrontDoor>
{
    private const int MaxClientIdLength = 200;

    public async Task HandleAsync(EventEnvelope envelope, ReferralSentToFrontDoor payload, CancellationToken cancellationToken)
    {
        if (payload.ReferralId.Length is 0 or > ReferralLimits.MaxReferralIdLength || payload.Details?.Child is null
            || !Timestamps.TryUtc(payload.ReceivedAt, out var receivedAt)
            || envelope.OriginNode.Length is 0 or > ReferralLimits.MaxNodeIdLength || payload.ReferringClient.Length > MaxClientIdLength)
        {
            throw new UnprocessableEventException("IncompleteReferral",
                "A ReferralSentToFrontDoor event needs the referral's id, its details with the child, its receipt time and the referring node.");
        }

        // The referring node checked it; a front door checks again what it takes in from another node.
        ReferralEventChecks.RequireValid(payload.ReferralId, payload.Details, clock.Today, _ => true);

        if (!frontDoors.IsHere(payload.Area))
        {
            throw new UnprocessableEventException("NotFrontDoor",
                $"This node is not the MASH front door of area '{payload.Area}' ({FrontDoors.SettingFor(payload.Area)}); replay it once the partnership's front doors agree.");
        }

        if (await db.Referrals.AsNoTracking().AnyAsync(r => r.Id == payload.ReferralId, cancellationToken))
        {
            // The same referral delivered again under another event id: it is in the queue already.
            return;
        }

        var enteredAt = Timestamps.TryUtc(payload.EnteredAt, out var entered) ? entered : receivedAt;
        var record = referrals.Create(payload.ReferralId, referrals.ChildKeyOf(payload.Details), payload.Details, payload.Area, receivedAt, enteredAt, ReferralRole.FrontDoor, frontDoors.ThisNode);
        record.OriginNode = envelope.OriginNode;
        record.ClientId = payload.ReferringClient;
        record.IdempotencyKey = payload.ReferralId;
        record.RequestHash = RequestFingerprint.OfParts(payload.Details);
        record.SubmittedByAgency = AgencyNames.FromContract(payload.ReferringAgency);
        record.AcknowledgedAt = clock.UtcNow;
        if (!await db.Referrals.AnyAsync(r => r.ChildKey == record.ChildKey, cancellationToken))
        {
            children.FirstRecorded(db, payload.Details.Child, record.ChildKey, payload.Details.LawfulBasis, audit.Purpose);
        }

        db.Referrals.Add(record);
        outbox.SendToNode(db, Topics.ReferralOutcomes, ReferralEvents.Progress(record), record.ChildKey, envelope.OriginNode,
            payload.Details.LawfulBasis, ReferralEvents.FeedbackPurpose);
        audit.Touch(record.ChildKey, record.Id);
    }
}
