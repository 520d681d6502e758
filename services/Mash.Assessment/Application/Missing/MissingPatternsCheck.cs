using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Assessment.IntegrationEvents;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application.Missing;

/// <summary>
/// After an episode is reported or regraded at this node: whether the child's episodes now meet a
/// pattern that calls for a strategy discussion; if so, this node's StrategyDiscussion service is told
/// in the same transaction, with the rules met and the episodes behind them. A partner's copy never
/// triggers here: the node where the change was made does.
/// </summary>
internal sealed class MissingPatternsCheck(AssessmentDbContext db, EventOutbox outbox, CallAudit audit, MissingSettings settings)
{
    public async Task<IReadOnlyList<PatternMet>> CheckAsync(MissingEpisodeRecord latest, DateTime at, LawfulBasis basis, CancellationToken cancellationToken)
    {
        var rules = settings.For(latest.Area);
        var since = latest.ReportedAt - rules.RepeatWindow;
        var earlier = await db.MissingEpisodes.AsNoTracking()
            .Where(e => e.ChildKey == latest.ChildKey && e.Id != latest.Id && e.ReportedAt >= since).ToListAsync(cancellationToken);
        var highFlag = await db.CseFlags.AsNoTracking().AnyAsync(f => f.ChildKey == latest.ChildKey && f.Active && f.Risk == CseRisk.High, cancellationToken);
        var episodes = earlier.Select(EpisodeChanges.Facts).Append(EpisodeChanges.Facts(latest)).ToList();
        var met = DiscussionPatterns.Met(episodes, EpisodeChanges.Facts(latest), highFlag, rules);
        if (met.Count > 0)
        {
            var reason = string.Join(" ", met.Select(m => $"{m.Reason} Episodes: {string.Join(", ", m.EpisodeIds)}."));
            outbox.Enqueue(db, Topics.StrategyTriggers,
                AssessmentEvents.StrategyTriggered(StrategyTrigger.MissingEpisodes, latest.Id, reason, latest.Child, at, latest.Area),
                latest.ChildKey, basis, audit.Purpose);
        }

        return met;
    }
}
