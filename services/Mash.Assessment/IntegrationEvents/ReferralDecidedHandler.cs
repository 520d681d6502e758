using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Hosting;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mash.Assessment.Application;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>
/// This node's MASH decided a referral. A decision that calls for an assessment opens the child's
/// assessment, its 45-working-day clock counted from the referral's receipt; one per referral, however
/// often the event arrives. Any other decision closes, with its reason, an assessment an earlier version
/// opened at receipt, so open and overdue counts mean what they say.
/// </summary>
internal sealed class ReferralDecidedHandler(
    AssessmentDbContext db, CallAudit audit, AssessmentTimescales timescales, ChildKeyHasher childKeys,
    IOptions<MashNodeOptions> node, ServiceClock clock) : IIntegrationEventHandler<ReferralDecided>
{
    public async Task HandleAsync(EventEnvelope envelope, ReferralDecided payload, CancellationToken cancellationToken)
    {
        if (payload.ReferralId.Length is 0 or > AssessmentRules.MaxReferralIdLength || payload.Child is null
            || !Timestamps.TryUtc(payload.ReceivedAt, out var receivedAt) || !Timestamps.TryUtc(payload.DecidedAt, out var decidedAt))
        {
            throw new UnprocessableEventException("IncompleteDecision", "A ReferralDecided event needs the referral id, the child, its receipt and decision times.");
        }

        var existing = db.Assessments.Local.FirstOrDefault(a => a.ReferralId == payload.ReferralId)
            ?? await db.Assessments.FirstOrDefaultAsync(a => a.ReferralId == payload.ReferralId, cancellationToken);
        if (existing is not null)
        {
            audit.Touch(existing.ChildKey, existing.Id);
            if (!payload.AssessmentRequired && existing.Status == AssessmentStatus.Open)
            {
                existing.Status = AssessmentStatus.Closed;
                existing.ClosedAt = decidedAt;
                existing.ClosureReason = AssessmentRules.ClosureReason(payload.Outcome);
                existing.Version++;
            }

            return; // otherwise opened already: at receipt by an earlier version, or by this decision delivered again
        }

        if (!payload.AssessmentRequired || payload.DecidedBeforeUpgrade)
        {
            return; // nothing to open; a decision made before the upgrade only reconciles
        }

        var area = payload.Area.Length > 0 ? payload.Area : node.Value.Area;
        var childKey = envelope.ChildKey.Length > 0 ? envelope.ChildKey : childKeys.KeyFor(payload.Child);
        var record = new AssessmentRecord
        {
            Id = RecordIds.New("asm_", clock.Now),
            ReferralId = payload.ReferralId,
            ChildKey = childKey,
            ChildMatch = (ChildIdentityRules.IsConfirmed(payload.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Child = payload.Child.ToByteArray(),
            Area = area,
            Status = AssessmentStatus.Open,
            StartedAt = receivedAt,
            DueAt = timescales.DueAt(area, receivedAt),
            ConcernSummary = payload.ConcernSummary,
            ImmediateProtectionNeeded = payload.ImmediateProtectionNeeded,
            ReferringAgency = payload.ReferringAgency,
            SourceEventId = envelope.EventId,
        };
        db.Assessments.Add(record);
        audit.Touch(childKey, record.Id);
    }
}

/// <summary>
/// ReferralReceived from an earlier version of the Referral service, still in flight at the upgrade:
/// assessments now open at the decision (<see cref="ReferralDecidedHandler"/>), so there is nothing to apply.
/// </summary>
internal sealed class ReferralReceivedHandler : IIntegrationEventHandler<ReferralReceived>
{
    public Task HandleAsync(EventEnvelope envelope, ReferralReceived payload, CancellationToken cancellationToken) => Task.CompletedTask;
}
