using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.Application;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// This node's Assessment service found reasonable cause to suspect significant harm or raised a high
/// CSE risk, or its MASH decided a referral for a strategy discussion or immediate protection: a strategy
/// discussion is now required, due by the area's timescale (immediate protection's shorter one).
/// </summary>
internal sealed class StrategyDiscussionTriggeredHandler(
    StrategyDbContext db, CallAudit audit, ChildKeyHasher childKeys, DiscussionFactory discussions, DiscussionSharing sharing, StrategyTimescales timescales)
    : IIntegrationEventHandler<StrategyDiscussionTriggered>
{
    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionTriggered payload, CancellationToken cancellationToken)
    {
        var trigger = StrategyEvents.TriggerOf(payload.Trigger);
        if (trigger == DiscussionTrigger.Unspecified || payload.SourceId.Length == 0 || payload.Child is null || !Timestamps.TryUtc(payload.TriggeredAt, out var triggeredAt))
        {
            throw new UnprocessableEventException("IncompleteTrigger", "A StrategyDiscussionTriggered event needs a known trigger, its source id, the child and its time.");
        }

        var childKey = envelope.ChildKey.Length > 0 ? envelope.ChildKey : childKeys.KeyFor(payload.Child);
        var same = await db.DiscussionIdsStartedBy(trigger, payload.SourceId).FirstOrDefaultAsync(cancellationToken);
        if (same is not null)
        {
            // The same assessment, flag or referral delivered again under another event id.
            audit.Touch(childKey, same);
            return;
        }

        var reason = payload.Reason.Trim().Length > 0 ? payload.Reason.Trim() : $"{Describe(trigger)} ({payload.SourceId})";
        if (await db.OpenDiscussionIdAsync(childKey, cancellationToken) is { } open)
        {
            // The child already has a discussion required or scheduled: it covers this trigger too
            // (one discussion addresses everything known about the child when it is held), so no second
            // discussion; but a trigger that needs it sooner brings its due time forward.
            audit.Touch(childKey, open);
            await BringForwardAsync(open, trigger, triggeredAt, reason, cancellationToken);
            return;
        }

        var record = discussions.Required(childKey, payload.Child, DiscussionFactory.MatchOf(payload.Child), trigger, reason, triggeredAt, payload.Area);
        record.SourceId = payload.SourceId;
        record.SourceEventId = envelope.EventId;
        db.Discussions.Add(record);
        sharing.Outstanding(record);
        audit.Touch(childKey, record.Id);
    }

    private async Task BringForwardAsync(string openId, DiscussionTrigger trigger, DateTime triggeredAt, string reason, CancellationToken cancellationToken)
    {
        var open = await db.DiscussionsWithParts.FirstAsync(d => d.Id == openId, cancellationToken);
        var dueAt = timescales.DiscussionDueAt(open.Area, triggeredAt, trigger);
        if (dueAt < open.DueAt)
        {
            open.DueAt = dueAt;
            open.Reason = $"{open.Reason} Due sooner: {reason}";
            open.Version++;
            sharing.Outstanding(open);
        }
    }

    private static string Describe(DiscussionTrigger trigger) => trigger switch
    {
        DiscussionTrigger.HighCseRisk => "High CSE risk raised",
        DiscussionTrigger.ReferralDecision => "Referral decided for a strategy discussion",
        DiscussionTrigger.ImmediateProtection => "Referral decided for immediate protection",
        DiscussionTrigger.MissingEpisodes => "A pattern of missing episodes",
        _ => "Significant harm suspected",
    };
}
