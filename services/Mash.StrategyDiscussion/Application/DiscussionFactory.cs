using Mash.Platform.Time;
using Mash.Platform.Identity;
using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Mash.Platform.Hosting;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Microsoft.Extensions.Options;
using Mash.StrategyDiscussion.IntegrationEvents;

namespace Mash.StrategyDiscussion.Application;

/// <summary>A discussion now required for a child, due by its area's timescale, held by this node.</summary>
internal sealed class DiscussionFactory(StrategyTimescales timescales, IOptions<MashNodeOptions> node, ServiceClock clock)
{
    public DiscussionRecord Required(
        string childKey, ChildIdentity child, ChildMatchStatus match, DiscussionTrigger trigger, string reason, DateTime requiredAtUtc, string area = "")
    {
        area = area.Length > 0 ? area : node.Value.Area;
        return new DiscussionRecord
        {
            Id = RecordIds.New("dsc_", clock.Now),
            ChildKey = childKey,
            ChildMatch = match,
            Child = child.ToByteArray(),
            Area = area,
            Status = DiscussionStatus.Required,
            Trigger = trigger,
            Reason = reason,
            RequiredAt = requiredAtUtc,
            DueAt = timescales.DiscussionDueAt(area, requiredAtUtc, trigger),
            HeldByNode = node.Value.Id,
            HeldByAgency = AgencyNames.ToContract(node.Value.Agency),
        };
    }

    public static ChildMatchStatus MatchOf(ChildIdentity child) =>
        ChildIdentityRules.IsConfirmed(child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed;
}
