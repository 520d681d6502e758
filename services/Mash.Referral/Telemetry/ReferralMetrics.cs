using System.Diagnostics.Metrics;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Telemetry;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Telemetry;

/// <summary>
/// What a MASH manager watches of the referral queue (meter "Mash"): how many referrals wait for
/// screening or a decision and how long the oldest has waited, decisions overdue now, and decisions
/// made late (breaches of the decision timescale). Counts only: no referral or child in any tag.
/// </summary>
internal sealed class ReferralMetrics : IRefreshedGauges
{
    public const string Backlog = "mash.referral.backlog";
    public const string OldestWaitingAge = "mash.referral.oldest_waiting.age";
    public const string OverdueDecisions = "mash.referral.decisions.overdue";
    public const string LateDecisions = "mash.referral.decisions.late";

    private readonly ServiceClock _clock;
    private readonly Counter<long> _lateDecisions;
    private volatile Snapshot _last = new(0, 0, 0, 0);

    public ReferralMetrics(IMeterFactory meters, ServiceClock clock)
    {
        _clock = clock;
        var meter = meters.Create(MashTelemetry.SourceName);
        meter.CreateObservableGauge(Backlog, () => new[]
        {
            new Measurement<long>(_last.AwaitingScreening, new KeyValuePair<string, object?>("stage", "screening")),
            new Measurement<long>(_last.AwaitingDecision, new KeyValuePair<string, object?>("stage", "decision")),
        }, "{referral}", "Referrals waiting: for MASH screening (stage=screening) or, screened, for a decision (stage=decision).");
        meter.CreateObservableGauge(OldestWaitingAge, () => _last.OldestWaitingSeconds, "s", "How long the oldest referral not yet decided has waited since it was received (0 when none).");
        meter.CreateObservableGauge(OverdueDecisions, () => _last.OverdueDecisions, "{referral}", "Referrals whose decision is past its due time and not yet made.");
        _lateDecisions = meter.CreateCounter<long>(LateDecisions, "{referral}", "Decisions recorded after their due time: breaches of the decision timescale.");
    }

    public void DecisionRecorded(bool late)
    {
        if (late)
        {
            _lateDecisions.Add(1);
        }
    }

    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ReferralDbContext>();
        var now = _clock.UtcNow;
        var waiting = (await db.ByStatusAsync(now, cancellationToken))
            .Where(WaitingReferrals.IsWaiting)
            .ToList();
        var oldest = waiting.Min(f => f.OldestReceivedAt);

        _last = new Snapshot(
            waiting.Where(f => f.Status == ReferralStatus.AwaitingScreening).Sum(f => (long)f.Count),
            waiting.Where(f => f.Status == ReferralStatus.AwaitingDecision).Sum(f => (long)f.Count),
            oldest is { } received ? Math.Max(0, (now - received).TotalSeconds) : 0,
            waiting.Sum(f => (long)f.PastDecisionDue));
    }

    private sealed record Snapshot(long AwaitingScreening, long AwaitingDecision, double OldestWaitingSeconds, long OverdueDecisions);
}
