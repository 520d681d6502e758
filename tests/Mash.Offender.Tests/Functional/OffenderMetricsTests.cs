using Mash.Contracts.Offender.V1;
using Mash.Offender.Telemetry;
using Mash.Offender.Tests.Support;
using Mash.Testing.Telemetry;

namespace Mash.Offender.Tests.Functional;

/// <summary>What a manager sees of offender management: visits overdue on the node.</summary>
public sealed class OffenderMetricsTests : IDisposable
{
    private static readonly DateOnly Today = OffenderApp.Today;
    private readonly OffenderApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<long> OverdueVisitsAsync() => (await AppMetrics.GaugeAsync<long>(_app.Services, OffenderMetrics.OverdueVisits)).Value();

    [Fact]
    public async Task Overdue_visits_are_counted_until_the_offender_is_seen()
    {
        var overdue = await _app.RegisterAsync(Samples.Register(OffenderRisk.VeryHigh, "North", "PC X", Today.AddDays(-7 * 5)));
        await _app.RegisterAsync(Samples.Register(OffenderRisk.Medium, "North", "PC X", Today.AddDays(-7 * 20)));
        Assert.Equal(1, await OverdueVisitsAsync());

        await _app.Client().RecordVisitAsync(new RecordVisitRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            OffenderId = overdue.OffenderId,
            VisitedOn = Samples.Day(Today),
            Officer = "PC 1234 Example",
            Outcome = VisitOutcome.SeenNoConcerns,
        }, _app.As());

        Assert.Equal(0, await OverdueVisitsAsync());
    }
}
