using Mash.Contracts.Strategy.V1;
using System.Diagnostics.Metrics;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Telemetry;

/// <summary>
/// Strategy discussions not held in time and safeguarding actions not done in time (meter "Mash"),
/// as the overdue lists count them. Counts and ages only: no discussion or child in any tag.
/// </summary>
internal sealed class StrategyMetrics : IRefreshedGauges
{
    public const string OverdueDiscussions = "mash.strategy.discussions.overdue";
    public const string OldestOverdueAge = "mash.strategy.discussions.oldest_overdue.age";
    public const string OverdueActions = "mash.strategy.actions.overdue";

    private readonly ServiceClock _clock;
    private volatile Snapshot _last = new(0, 0, 0);

    public StrategyMetrics(IMeterFactory meters, ServiceClock clock)
    {
        _clock = clock;
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(OverdueDiscussions, () => _last.OverdueDiscussions, "{discussion}", "Required (or scheduled) strategy discussions not held by their due time.");
        meter.CreateObservableGauge(OldestOverdueAge, () => _last.OldestOverdueSeconds, "s", "How long past its due time the most overdue discussion is (0 when none).");
        meter.CreateObservableGauge(OverdueActions, () => _last.OverdueActions, "{action}", "Safeguarding actions decided at this node's discussions, past due and not completed.");
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StrategyDbContext>();
        var now = _clock.UtcNow;
        var overdue = db.Discussions.AsNoTracking()
            .Where(d => (d.Status == DiscussionStatus.Required || d.Status == DiscussionStatus.Scheduled) && d.DueAt < now);
        var count = await overdue.LongCountAsync(cancellationToken);
        var oldestDue = count == 0 ? null : await overdue.OrderBy(d => d.DueAt).Select(d => (DateTime?)d.DueAt).FirstOrDefaultAsync(cancellationToken);
        var actions = await (from a in db.Actions.AsNoTracking()
                             join d in db.Discussions.AsNoTracking() on a.DiscussionId equals d.Id
                             where !d.Received && a.CompletedAt == null && a.DueAt < now
                             select a.Id).LongCountAsync(cancellationToken);

        _last = new Snapshot(count, oldestDue is { } due ? Math.Max(0, (now - due).TotalSeconds) : 0, actions);
    }

    private sealed record Snapshot(long OverdueDiscussions, double OldestOverdueSeconds, long OverdueActions);
}
