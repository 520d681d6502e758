using Mash.Contracts.Events.V1;
using Mash.Investigation.Data;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.IntegrationEvents;

/// <summary>
/// Which children are at high risk, from this node's and partners' events: a CSE flag raised or reviewed at
/// high marks the child until it is lowered or cleared; a concluded strategy discussion that decided on s47
/// enquiries (significant harm) marks the child for good. The stall list reads these marks.
/// </summary>
internal sealed class HighRiskMarkHandlers(InvestigationDbContext db, ServiceClock clock)
    : IIntegrationEventHandler<CseFlagChanged>, IIntegrationEventHandler<StrategyDiscussionConcluded>
{
    public async Task HandleAsync(EventEnvelope envelope, CseFlagChanged payload, CancellationToken cancellationToken)
    {
        Require(envelope, payload.FlagId, "CseFlagChanged", "the flag's id");
        var high = payload.Action != FlagAction.Cleared && payload.Risk == CseRisk.High;
        var at = Timestamps.TryUtc(payload.ChangedAt, out var changed) ? changed : clock.UtcNow;
        var mark = await db.HighRiskMarks.FirstOrDefaultAsync(m => m.Id == payload.FlagId, cancellationToken);
        if (mark is null)
        {
            if (!high)
            {
                return;
            }

            db.HighRiskMarks.Add(new HighRiskMarkRecord
            {
                Id = payload.FlagId, ChildKey = envelope.ChildKey, Kind = HighRiskKind.HighCseFlag, Since = at, Active = true, OriginNode = envelope.OriginNode,
            });
            return;
        }

        if (high && !mark.Active)
        {
            mark.Since = at;
        }

        mark.Active = high;
    }

    public async Task HandleAsync(EventEnvelope envelope, StrategyDiscussionConcluded payload, CancellationToken cancellationToken)
    {
        var discussion = payload.Discussion;
        Require(envelope, discussion?.DiscussionId ?? "", "StrategyDiscussionConcluded", "the discussion's id");
        if (discussion!.Decisions?.S47Enquiry != true || await db.HighRiskMarks.AnyAsync(m => m.Id == discussion.DiscussionId, cancellationToken))
        {
            return;
        }

        var at = Timestamps.TryUtc(discussion.HeldAt, out var held) ? held : clock.UtcNow;
        db.HighRiskMarks.Add(new HighRiskMarkRecord
        {
            Id = discussion.DiscussionId, ChildKey = envelope.ChildKey, Kind = HighRiskKind.SignificantHarmDecision, Since = at, Active = true,
            OriginNode = envelope.OriginNode,
        });
    }

    private static void Require(EventEnvelope envelope, string id, string type, string what)
    {
        if (id.Length is 0 or > RequestLimits.MaxIdLength || envelope.ChildKey.Length is 0 or > RequestLimits.MaxIdLength)
        {
            throw new UnprocessableEventException("Incomplete" + type, $"A {type} event needs {what} and the child's key.");
        }
    }
}
