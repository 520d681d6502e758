using Mash.StrategyDiscussion.Telemetry;
using Mash.StrategyDiscussion.Tests.Support;
using Mash.Testing.Telemetry;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>What a MASH manager sees of strategy discussions: how many are overdue, and by how much the worst.</summary>
public sealed class StrategyMetricsTests : IDisposable
{
    private readonly StrategyApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Discussions_not_held_by_their_due_time_are_counted_with_the_oldest_overdue_age()
    {
        // Friday 20 Nov 10:00: due Wednesday 25 Nov 10:00; Monday 23 Nov 10:00: due Thursday 26 Nov 10:00.
        await _app.DeliverTriggerAsync(Samples.Trigger(Samples.Child("Bea"), StrategyApp.MondayMorning.AddDays(-3)));
        await _app.DeliverTriggerAsync(Samples.Trigger(Samples.Child("Cal"), StrategyApp.MondayMorning));
        Assert.Equal(0, (await AppMetrics.GaugeAsync<long>(_app.Services, StrategyMetrics.OverdueDiscussions)).Value());

        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, (await AppMetrics.GaugeAsync<long>(_app.Services, StrategyMetrics.OverdueDiscussions)).Value());
        Assert.Equal(23 * 3600, (await AppMetrics.GaugeAsync<double>(_app.Services, StrategyMetrics.OldestOverdueAge)).Value());
        Assert.Equal(0, (await AppMetrics.GaugeAsync<long>(_app.Services, StrategyMetrics.OverdueActions)).Value());
    }
}
