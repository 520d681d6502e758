using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Identity;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.Grpc;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// This node's Assessment service found reasonable cause to suspect significant harm, or raised a
/// high CSE risk: a strategy discussion is now required, due by the area's timescale.
/// </summary>
internal sealed class StrategyDiscussionTriggeredHandler(
    StrategyDbContext db, CallAudit audit, ChildKeyHasher childKeys, NewDiscussions discussions) : IIntegrationEventHandler<StrategyDiscussionTriggered>
{
    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionTriggered payload, CancellationToken cancellationToken)
    {
        var trigger = StrategyEvents.TriggerOf(payload.Trigger);
        if (trigger == DiscussionTrigger.Unspecified || payload.SourceId.Length == 0 || payload.Child is null || !Times.TryUtc(payload.TriggeredAt, out var triggeredAt))
        {
            throw new UnprocessableEventException("IncompleteTrigger", "A StrategyDiscussionTriggered event needs a known trigger, its source id, the child and its time.");
        }

        var childKey = envelope.ChildKey.Length > 0 ? envelope.ChildKey : childKeys.KeyFor(payload.Child);
        var same = await db.Discussions.AsNoTracking()
            .Where(d => d.Trigger == (int)trigger && d.SourceId == payload.SourceId).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (same is not null)
        {
            // The same assessment or flag delivered again under another event id.
            audit.Touch(childKey, same);
            return;
        }

        if (await db.OpenDiscussionIdAsync(childKey, cancellationToken) is { } open)
        {
            // The child already has a discussion required or scheduled: it covers this trigger too
            // (one discussion addresses everything known about the child when it is held), so
            // nothing new is recorded rather than a second discussion for the same child.
            audit.Touch(childKey, open);
            return;
        }

        var reason = payload.Reason.Trim().Length > 0 ? payload.Reason.Trim() : $"{Describe(trigger)} ({payload.SourceId})";
        var record = discussions.Required(childKey, payload.Child, NewDiscussions.MatchOf(payload.Child), trigger, reason, triggeredAt, payload.Area);
        record.SourceId = payload.SourceId;
        record.SourceEventId = envelope.EventId;
        db.Discussions.Add(record);
        audit.Touch(childKey, record.Id);
    }

    private static string Describe(DiscussionTrigger trigger) =>
        trigger == DiscussionTrigger.HighCseRisk ? "High CSE risk raised" : "Significant harm suspected";
}
