using Mash.Assessment.Telemetry;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Testing.Telemetry;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Assessments against their timescale: overdue open ones, and breaches when concluded late.</summary>
public sealed class AssessmentMetricsTests : IDisposable
{
    private readonly AssessmentApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Open_assessments_past_their_timescale_are_overdue_and_a_late_conclusion_is_counted_as_a_breach()
    {
        using var breaches = AppMetrics.Collect<long>(_app.Services, AssessmentMetrics.Breaches);
        var id = await _app.StartAssessmentAsync();
        await _app.StartAssessmentAsync();
        Assert.Equal(0, (await AppMetrics.GaugeAsync<long>(_app.Services, AssessmentMetrics.Overdue)).Value());

        _app.Clock.Advance(TimeSpan.FromDays(100)); // 45 working days, with Christmas, are past.
        Assert.Equal(2, (await AppMetrics.GaugeAsync<long>(_app.Services, AssessmentMetrics.Overdue)).Value());

        await _app.Client().RecordCheckAsync(new RecordCheckRequest { AssessmentId = id, Agency = Agency.Police, Result = "Known to police." }, _app.As());
        var completed = await _app.Client().CompleteAssessmentAsync(new CompleteAssessmentRequest
        { AssessmentId = id, RiskLevel = RiskLevel.Medium, Rag = Contracts.Referral.V1.Rag.Amber, Rationale = "r" }, _app.As());

        Assert.True(completed.Outcome.TimescaleBreached);
        Assert.Equal(1, (await AppMetrics.GaugeAsync<long>(_app.Services, AssessmentMetrics.Overdue)).Value());
        Assert.Equal(1, Assert.Single(breaches.GetMeasurementSnapshot()).Value);
    }
}
