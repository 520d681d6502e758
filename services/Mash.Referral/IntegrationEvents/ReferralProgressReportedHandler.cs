using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.Referral.Application;

namespace Mash.Referral.IntegrationEvents;

/// <summary>
/// At the referring node: what the front door reports of a referral sent there (its receipt, the
/// screening, the decision) is shown on this node's copy. Only the front door it was sent to may
/// report, and an older report never takes the copy back.
/// </summary>
internal sealed class ReferralProgressReportedHandler(ReferralDbContext db, CallAudit audit, DeliveryReceipts receipts) : IIntegrationEventHandler<ReferralProgressReported>
{
    public async Task HandleAsync(EventEnvelope envelope, ReferralProgressReported payload, CancellationToken cancellationToken)
    {
        if (payload.ReferralId.Length is 0 or > ReferralLimits.MaxReferralIdLength
            || payload.Status == ReferralStatus.Unspecified || !Enum.IsDefined(payload.Status))
        {
            throw new UnprocessableEventException("IncompleteProgress", "A ReferralProgressReported event needs the referral's id and a known status.");
        }

        var record = await db.Referrals.FirstOrDefaultAsync(r => r.Id == payload.ReferralId, cancellationToken);
        if (record is null || record.Role != ReferralRole.ReferrerCopy)
        {
            throw new UnprocessableEventException("UnknownReferral", $"This node sent no referral {payload.ReferralId} to a front door.");
        }

        if (record.FrontDoorNode != envelope.OriginNode)
        {
            throw new UnprocessableEventException("NotItsFrontDoor",
                $"Referral {record.Id} was sent to node '{record.FrontDoorNode}'; node '{envelope.OriginNode}' cannot report on it.");
        }

        audit.Touch(record.ChildKey, record.Id);
        if (record.AcknowledgedAt is null && Timestamps.TryUtc(payload.AcknowledgedAt, out var storedAt))
        {
            // The front door's first report is its receipt for the referral: no receipt of its own travels.
            await receipts.RecordAsync(db, record.Id, ReferralSentToFrontDoor.Descriptor.FullName, envelope, storedAt, cancellationToken);
        }

        DateTime? screenedAt = Timestamps.TryUtc(payload.ScreenedAt, out var screened) ? screened : null;
        if (!ReferralProgress.MovesOn(record.Status, record.AcknowledgedAt is not null, record.ScreenedAt, payload.Status, screenedAt))
        {
            return;
        }

        Apply(record, payload, screenedAt);
    }

    private static void Apply(ReferralRecord record, ReferralProgressReported payload, DateTime? screenedAt)
    {
        record.Status = payload.Status;
        record.AcknowledgedAt ??= Timestamps.TryUtc(payload.AcknowledgedAt, out var acknowledged) ? acknowledged : null;
        if (Timestamps.TryUtc(payload.DecisionDueAt, out var decisionDue))
        {
            // The front door's clock is the one that counts.
            record.DecisionDueAt = decisionDue;
        }

        if (screenedAt is { } at)
        {
            record.Rag = payload.Rag;
            record.ScreenedAt = at;
            record.RagDueAt = Timestamps.TryUtc(payload.RagDueAt, out var ragDue) ? ragDue : null;
            record.ScreenedByAgency = AgencyNames.FromContract(payload.ScreenedByAgency);
        }

        if (Timestamps.TryUtc(payload.DecidedAt, out var decidedAt))
        {
            record.Outcome = payload.Outcome;
            record.DecidedAt = decidedAt;
            record.DecisionBreached = payload.DecisionTimescaleBreached;
            record.DecidedByAgency = AgencyNames.FromContract(payload.DecidedByAgency);
        }

        (record.DueAt, var deadline) = ReferralClock.EarliestOpen(record.DecisionDueAt, record.RagDueAt);
        record.DueDeadline = deadline;
        record.Version++;
    }
}
