using Mash.Assessment.Data;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Platform.Limits;
using Mash.Assessment.Application;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>
/// This node's StrategyDiscussion service required, scheduled, concluded or received a discussion about
/// a child: kept (the latest state wins), so the child's risk profile lists it.
/// </summary>
internal sealed class StrategyDiscussionRecordedHandler(AssessmentDbContext db, CallAudit audit) : IIntegrationEventHandler<StrategyDiscussionRecorded>
{
    private const int MaxIdLength = RequestLimits.MaxIdLength;

    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionRecorded payload, CancellationToken cancellationToken)
    {
        if (payload.DiscussionId.Length is 0 or > MaxIdLength || envelope.ChildKey.Length == 0 || !Timestamps.TryUtc(envelope.OccurredAt, out var changedAt)
            || !Timestamps.TryUtc(payload.RequiredAt, out var requiredAt) || !Timestamps.TryUtc(payload.DueAt, out var dueAt))
        {
            throw new UnprocessableEventException("IncompleteDiscussion", "A StrategyDiscussionRecorded event needs the discussion id, the child key and its required and due times.");
        }

        audit.Touch(envelope.ChildKey, payload.DiscussionId);
        var kept = await db.ChildDiscussions.FirstOrDefaultAsync(d => d.DiscussionId == payload.DiscussionId, cancellationToken);
        if (kept is null)
        {
            kept = new ChildDiscussionRecord { DiscussionId = payload.DiscussionId, ChildKey = envelope.ChildKey };
            db.ChildDiscussions.Add(kept);
        }
        else if (kept.ChangedAt > changedAt)
        {
            return;
        }

        kept.Status = payload.Status;
        kept.Trigger = payload.Trigger;
        kept.RequiredAt = requiredAt;
        kept.DueAt = dueAt;
        kept.ScheduledFor = Timestamps.TryUtc(payload.ScheduledFor, out var scheduledFor) ? scheduledFor : null;
        kept.HeldAt = Timestamps.TryUtc(payload.HeldAt, out var heldAt) ? heldAt : null;
        kept.MinutesReference = payload.MinutesReference;
        kept.HeldByNode = payload.HeldByNode;
        kept.HeldByAgency = payload.HeldByAgency;
        kept.ChangedAt = changedAt;
    }
}
