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
/// A discussion a partner node holds became required, or its due time or schedule changed: kept here
/// when this node's agency is expected to attend, so it is listed here with its due time and holding
/// node, and as overdue once past due.
/// </summary>
internal sealed class PartnerDiscussionOutstandingHandler(PartnerDiscussionCopies copies, IOptions<MashNodeOptions> node)
    : IIntegrationEventHandler<StrategyDiscussionOutstanding>
{
    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionOutstanding payload, CancellationToken cancellationToken)
    {
        var discussion = payload.Discussion;
        if (discussion is null || discussion.DiscussionId.Length is 0 or > DiscussionRules.MaxIdLength || envelope.ChildKey.Length == 0
            || discussion.Status is not (DiscussionStatus.Required or DiscussionStatus.Scheduled)
            || !Timestamps.TryUtc(discussion.RequiredAt, out var requiredAt) || !Timestamps.TryUtc(discussion.DueAt, out _))
        {
            throw new UnprocessableEventException("IncompleteDiscussion",
                "A StrategyDiscussionOutstanding event needs the discussion's id, a status of required or scheduled, its required and due times and the child key.");
        }

        if (!PartnerCopies.KeepsOutstanding(AgencyNames.ToContract(node.Value.Agency), payload.ExpectedAgencies))
        {
            return;
        }

        if (await copies.ReplaceableAsync(envelope, discussion.DiscussionId, cancellationToken) is { } copy)
        {
            copies.Fill(copy, envelope, discussion, requiredAt, withRecord: false);
        }
    }
}
