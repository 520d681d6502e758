using Mash.Contracts.Referral.V1;
using Mash.Referral.Telemetry;
using Mash.Referral.Tests.Support;
using Mash.Testing.Telemetry;

namespace Mash.Referral.Tests.Functional;

/// <summary>What a MASH manager sees of the queue: the backlog by stage, the oldest wait, overdue and late decisions.</summary>
public sealed class ReferralMetricsTests : IDisposable
{
    private readonly ReferralApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> SubmitAsync(string key) =>
        (await _app.Client().SubmitReferralAsync(Samples.Submit(key), _app.As("police-mash"))).Referral.ReferralId;

    private Task<IReadOnlyList<Microsoft.Extensions.Diagnostics.Metrics.Testing.CollectedMeasurement<T>>> GaugeAsync<T>(string instrument)
        where T : struct => AppMetrics.GaugeAsync<T>(_app.Services, instrument);

    [Fact]
    public async Task The_backlog_counts_referrals_waiting_for_screening_and_for_a_decision_and_the_oldest_wait()
    {
        Assert.Equal(0, (await GaugeAsync<long>(ReferralMetrics.Backlog)).Value("stage", "screening"));
        var first = await SubmitAsync("m-1");
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        await SubmitAsync("m-2");
        await SubmitAsync("m-3");
        await _app.Client().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = first, Rag = Rag.Amber, Rationale = "Needs checks" }, _app.As("police-mash"));
        _app.Clock.Advance(TimeSpan.FromMinutes(15));

        var backlog = await GaugeAsync<long>(ReferralMetrics.Backlog);
        Assert.Equal((2L, 1L), (backlog.Value("stage", "screening"), backlog.Value("stage", "decision")));
        Assert.Equal(45 * 60, (await GaugeAsync<double>(ReferralMetrics.OldestWaitingAge)).Value());
        Assert.Equal(0, (await GaugeAsync<long>(ReferralMetrics.OverdueDecisions)).Value());

        await _app.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = first, Outcome = ReferralOutcome.EarlyHelp, Rationale = "Family support" }, _app.As("police-mash"));

        backlog = await GaugeAsync<long>(ReferralMetrics.Backlog);
        Assert.Equal((2L, 0L), (backlog.Value("stage", "screening"), backlog.Value("stage", "decision")));
        Assert.Equal(15 * 60, (await GaugeAsync<double>(ReferralMetrics.OldestWaitingAge)).Value());
    }

    [Fact]
    public async Task Decisions_past_due_are_overdue_until_made_and_each_late_one_is_counted_as_a_breach()
    {
        using var late = AppMetrics.Collect<long>(_app.Services, ReferralMetrics.LateDecisions);
        var onTime = await SubmitAsync("due-1");
        var overdue = await SubmitAsync("due-2");
        await _app.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = onTime, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Unsafe tonight" }, _app.As("police-mash"));
        _app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 10:00: decisions were due Tuesday 10:00.

        Assert.Equal(1, (await GaugeAsync<long>(ReferralMetrics.OverdueDecisions)).Value());
        Assert.Empty(late.GetMeasurementSnapshot());

        await _app.Client().RecordDecisionAsync(new RecordDecisionRequest
        { ReferralId = overdue, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Unsafe", LatenessReason = "Awaiting health checks" }, _app.As("police-mash"));

        Assert.Equal(0, (await GaugeAsync<long>(ReferralMetrics.OverdueDecisions)).Value());
        Assert.Equal(1, Assert.Single(late.GetMeasurementSnapshot()).Value);
    }
}
