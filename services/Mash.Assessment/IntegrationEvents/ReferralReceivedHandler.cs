using Mash.Platform.Time;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>
/// Starts the assessment of a referred child: the 45-working-day clock runs from the referral's
/// receipt. One assessment per referral, whichever event delivers it.
/// </summary>
internal sealed class ReferralReceivedHandler(
    AssessmentDbContext db, CallAudit audit, AssessmentTimescales timescales, ChildKeyHasher childKeys,
    IOptions<MashNodeOptions> node, ServiceClock clock) : IIntegrationEventHandler<ReferralReceived>
{
    public async Task HandleAsync(EventEnvelope envelope, ReferralReceived payload, CancellationToken cancellationToken)
    {
        if (payload.ReferralId.Length == 0 || payload.ReceivedAt is null || payload.Child is null)
        {
            throw new UnprocessableEventException("IncompleteReferral", "A ReferralReceived event needs the referral id, its receipt time and the child.");
        }

        var existing = db.Assessments.Local.FirstOrDefault(a => a.ReferralId == payload.ReferralId)
            ?? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.ReferralId == payload.ReferralId, cancellationToken);
        if (existing is not null)
        {
            // The same referral delivered again under another event id: the assessment already exists.
            audit.Touch(existing.ChildKey, existing.Id);
            return;
        }

        var startedAt = payload.ReceivedAt.ToDateTime();
        var area = payload.Area.Length > 0 ? payload.Area : node.Value.Area;
        var childKey = envelope.ChildKey.Length > 0 ? envelope.ChildKey : childKeys.KeyFor(payload.Child);
        var record = new AssessmentRecord
        {
            Id = "asm_" + Guid.CreateVersion7(clock.Now).ToString("N"),
            ReferralId = payload.ReferralId,
            ChildKey = childKey,
            ChildMatch = (int)(ChildIdentityRules.IsConfirmed(payload.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Child = payload.Child.ToByteArray(),
            Area = area,
            Status = (int)AssessmentStatus.Open,
            StartedAt = startedAt,
            DueAt = timescales.DueAt(area, startedAt),
            ConcernSummary = payload.ConcernSummary,
            ImmediateProtectionNeeded = payload.ImmediateProtectionNeeded,
            ReferringAgency = (int)payload.ReferringAgency,
            SourceEventId = envelope.EventId,
        };
        db.Assessments.Add(record);
        audit.Touch(childKey, record.Id);
    }
}
