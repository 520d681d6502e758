using Mash.Platform.Time;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Hosting;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.Grpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// A discussion a partner node held and concluded: its record and minutes are kept here when this
/// node's agency took part, attached to the child by the envelope's child key (the discussion
/// carries no identity), read-only, under the partner's discussion id.
/// </summary>
internal sealed class PartnerDiscussionConcludedHandler(
    StrategyDbContext db, CallAudit audit, IOptions<MashNodeOptions> node, ServiceClock clock) : IIntegrationEventHandler<StrategyDiscussionConcluded>
{
    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionConcluded payload, CancellationToken cancellationToken)
    {
        var discussion = payload.Discussion;
        if (discussion is null || discussion.DiscussionId.Length is 0 or > DiscussionRules.MaxIdLength || envelope.ChildKey.Length == 0
            || !Timestamps.TryUtc(discussion.RequiredAt, out var requiredAt) || !Timestamps.TryUtc(discussion.HeldAt, out var heldAt)
            || discussion.Decisions?.Actions.Any(a => a.ActionId.Length == 0 || !Timestamps.TryUtc(a.DueAt, out _)) == true)
        {
            throw new UnprocessableEventException("IncompleteDiscussion",
                "A StrategyDiscussionConcluded event needs the discussion's id, its required and held times, the child key and each action's id and due time.");
        }

        if (!payload.ParticipatingAgencies.Contains(AgencyNames.ToContract(node.Value.Agency)))
        {
            // This node's agency did not take part: nothing is kept. (With Service Bus, a
            // subscription rule on an agency property would keep the message from arriving at all.)
            return;
        }

        audit.Touch(envelope.ChildKey, discussion.DiscussionId);
        if (await db.Discussions.AnyAsync(d => d.Id == discussion.DiscussionId, cancellationToken))
        {
            // Delivered again under another event id: a conclusion is final, the copy kept stands.
            return;
        }

        db.Discussions.Add(Received(envelope, discussion, requiredAt, heldAt));
    }

    private DiscussionRecord Received(EventEnvelope envelope, Contracts.Strategy.V1.StrategyDiscussion discussion, DateTime requiredAt, DateTime heldAt)
    {
        var decisions = discussion.Decisions ?? new Decisions();
        var record = new DiscussionRecord
        {
            Id = discussion.DiscussionId,
            ChildKey = envelope.ChildKey,
            ChildMatch = (int)discussion.ChildMatch,
            Status = (int)DiscussionStatus.Concluded,
            Trigger = (int)discussion.Trigger,
            Reason = discussion.Reason,
            RequiredAt = requiredAt,
            DueAt = Timestamps.TryUtc(discussion.DueAt, out var dueAt) ? dueAt : requiredAt,
            SourceEventId = envelope.EventId,
            FollowsDiscussionId = discussion.FollowsDiscussionId,
            ScheduledFor = Timestamps.TryUtc(discussion.ScheduledFor, out var scheduledFor) ? scheduledFor : null,
            Format = (int)discussion.Format,
            HeldAt = heldAt,
            Decisions = DiscussionMapper.DecisionsWithoutActions(decisions),
            MinutesText = discussion.Minutes?.Text ?? "",
            MinutesDocumentReference = discussion.Minutes?.DocumentReference ?? "",
            ConferenceDueAt = Timestamps.TryUtc(discussion.ConferenceDueAt, out var conferenceDueAt) ? conferenceDueAt : null,
            HeldByNode = envelope.OriginNode,
            HeldByAgency = (int)envelope.OriginAgency,
            Received = true,
            ReceivedAt = clock.UtcNow,
        };
        record.Participants.AddRange(DiscussionMapper.ToRecords(record.Id, discussion.Participants));
        for (var i = 0; i < decisions.Actions.Count; i++)
        {
            var action = DiscussionMapper.ToRecord(record.Id, i, decisions.Actions[i].ActionId, decisions.Actions[i]);
            action.CompletedAt = Timestamps.TryUtc(decisions.Actions[i].CompletedAt, out var completedAt) ? completedAt : null;
            record.Actions.Add(action);
        }

        return record;
    }
}
