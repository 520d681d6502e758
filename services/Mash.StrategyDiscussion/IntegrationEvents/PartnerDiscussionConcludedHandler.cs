using Mash.Platform.Time;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Hosting;
using Mash.StrategyDiscussion.Domain;
using Microsoft.Extensions.Options;
using Mash.StrategyDiscussion.Application;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// A discussion a partner node held and concluded: its record and minutes are kept here when this
/// node's agency took part. A node that only had it listed as outstanding learns that it was held.
/// </summary>
internal sealed class PartnerDiscussionConcludedHandler(PartnerDiscussionCopies copies, IOptions<MashNodeOptions> node)
    : IIntegrationEventHandler<StrategyDiscussionConcluded>
{
    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionConcluded payload, CancellationToken cancellationToken)
    {
        var discussion = payload.Discussion;
        if (discussion is null || discussion.DiscussionId.Length is 0 or > DiscussionRules.MaxIdLength || envelope.ChildKey.Length == 0
            || !Timestamps.TryUtc(discussion.RequiredAt, out var requiredAt) || !Timestamps.TryUtc(discussion.HeldAt, out _)
            || discussion.Decisions?.Actions.Any(a => a.ActionId.Length == 0 || !Timestamps.TryUtc(a.DueAt, out _)) == true)
        {
            throw new UnprocessableEventException("IncompleteDiscussion",
                "A StrategyDiscussionConcluded event needs the discussion's id, its required and held times, the child key and each action's id and due time.");
        }

        discussion.Status = DiscussionStatus.Concluded;
        var tookPart = PartnerCopies.KeepsRecord(AgencyNames.ToContract(node.Value.Agency), payload.ParticipatingAgencies);
        if (!tookPart && !await copies.HeldAsync(discussion.DiscussionId, cancellationToken))
        {
            // This node's agency neither took part nor was told of it before: nothing is kept. (With Service
            // Bus, a subscription rule on an agency property would keep the message from arriving at all.)
            return;
        }

        if (await copies.ReplaceableAsync(envelope, discussion.DiscussionId, cancellationToken) is { } copy)
        {
            copies.Fill(copy, envelope, discussion, requiredAt, withRecord: tookPart);
        }
    }
}
