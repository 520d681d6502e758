using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.EntityFrameworkCore;
using Mash.StrategyDiscussion.Application;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// The copies this node keeps of discussions partner nodes hold: read-only here, under the partner's
/// discussion id, attached to the child by the envelope's child key (the discussion carries no identity).
/// Each update from the holding node replaces the copy until it is concluded.
/// </summary>
internal sealed class PartnerDiscussionCopies(StrategyDbContext db, CallAudit audit, DiscussionSharing sharing, DeliveryReceipts receipts, ServiceClock clock)
{
    /// <summary>The copy kept of a discussion, to be filled in; null when it must be left as it is.</summary>
    public async Task<DiscussionRecord?> ReplaceableAsync(EventEnvelope envelope, string discussionId, CancellationToken cancellationToken)
    {
        audit.Touch(envelope.ChildKey, discussionId);
        var kept = await db.DiscussionsWithParts.FirstOrDefaultAsync(d => d.Id == discussionId, cancellationToken);
        if (kept is null)
        {
            kept = new DiscussionRecord { Id = discussionId, ChildKey = envelope.ChildKey, Received = true };
            db.Discussions.Add(kept);
            return kept;
        }

        // Never a record of this node's own (an id a partner should not have sent), nor another child's,
        // nor a concluded copy (delivered again under another event id: the conclusion stands).
        return kept.Received && kept.ChildKey == envelope.ChildKey && PartnerCopies.Replaces(kept.Status) ? kept : null;
    }

    /// <summary>Whether a copy of the discussion is kept here at all.</summary>
    public Task<bool> HeldAsync(string discussionId, CancellationToken cancellationToken) =>
        db.Discussions.AnyAsync(d => d.Id == discussionId, cancellationToken);

    /// <summary>Fills the copy with the partner's discussion as sent; decisions, actions and minutes only when concluded.</summary>
    public void Fill(DiscussionRecord copy, EventEnvelope envelope, Contracts.Strategy.V1.StrategyDiscussion discussion, DateTime requiredAt, bool withRecord)
    {
        copy.ChildMatch = discussion.ChildMatch;
        copy.Status = discussion.Status;
        copy.Trigger = discussion.Trigger;
        copy.Reason = discussion.Reason;
        copy.RequiredAt = requiredAt;
        copy.DueAt = Timestamps.TryUtc(discussion.DueAt, out var dueAt) ? dueAt : requiredAt;
        copy.SourceEventId = envelope.EventId;
        copy.FollowsDiscussionId = discussion.FollowsDiscussionId;
        copy.ScheduledFor = Timestamps.TryUtc(discussion.ScheduledFor, out var scheduledFor) ? scheduledFor : null;
        copy.Format = discussion.Format;
        copy.HeldAt = Timestamps.TryUtc(discussion.HeldAt, out var heldAt) ? heldAt : null;
        copy.ConferenceDueAt = Timestamps.TryUtc(discussion.ConferenceDueAt, out var conferenceDueAt) ? conferenceDueAt : null;
        copy.HeldByNode = envelope.OriginNode;
        copy.HeldByAgency = envelope.OriginAgency;
        copy.ReceivedAt = clock.UtcNow;
        copy.Version++;
        copy.Participants.Clear();
        copy.Participants.AddRange(DiscussionMapper.ToRecords(copy.Id, discussion.Participants));
        if (withRecord)
        {
            FillRecord(copy, discussion);
        }

        sharing.RecordedHere(copy);
        // Stored here: the holding node learns it arrived.
        receipts.Acknowledge(db, envelope);
    }

    private static void FillRecord(DiscussionRecord copy, Contracts.Strategy.V1.StrategyDiscussion discussion)
    {
        var decisions = discussion.Decisions ?? new Decisions();
        copy.Decisions = DiscussionMapper.DecisionsWithoutActions(decisions);
        copy.MinutesText = discussion.Minutes?.Text ?? "";
        copy.MinutesDocumentReference = discussion.Minutes?.DocumentReference ?? "";
        for (var i = 0; i < decisions.Actions.Count; i++)
        {
            var action = DiscussionMapper.ToRecord(copy.Id, i, decisions.Actions[i].ActionId, decisions.Actions[i]);
            action.CompletedAt = Timestamps.TryUtc(decisions.Actions[i].CompletedAt, out var completedAt) ? completedAt : null;
            copy.Actions.Add(action);
        }
    }
}
