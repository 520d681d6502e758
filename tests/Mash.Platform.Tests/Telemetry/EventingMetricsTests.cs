using Mash.Platform.Eventing;
using Mash.Platform.Telemetry;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Eventing.Pipeline;
using Mash.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Tests.Telemetry;

/// <summary>What ops see of the outbox and the consumer: lag while the broker is down, publications, dead letters.</summary>
public sealed class EventingMetricsTests : IDisposable
{
    private readonly EventingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<IReadOnlyList<CollectedMeasurement<T>>> GaugeAsync<T>(EventingGauges gauges, string instrument)
        where T : struct
    {
        using var collector = AppMetrics.Collect<T>(_harness.Services, instrument);
        await using (var scope = _harness.Services.CreateAsyncScope())
        {
            await gauges.RefreshAsync(scope.ServiceProvider, CancellationToken.None);
        }

        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }

    [Fact]
    public async Task Outbox_lag_grows_while_the_broker_is_down_and_returns_to_zero_once_the_events_are_published()
    {
        // Five minutes after the events were committed.
        var gauges = _harness.Gauges(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(5)));
        using var published = AppMetrics.Collect<long>(_harness.Services, EventingMetrics.Published);
        await _harness.RaiseFlagAsync(1);
        await _harness.RaiseFlagAsync(2);
        _harness.Transport.Down = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Relay().PublishBatchAsync(10, CancellationToken.None));

        Assert.Equal(2, (await GaugeAsync<long>(gauges, EventingGauges.OutboxPending)).Value());
        Assert.InRange((await GaugeAsync<double>(gauges, EventingGauges.OutboxLag)).Value(), 290, 310);
        Assert.Empty(published.GetMeasurementSnapshot());

        _harness.Transport.Down = false;
        await _harness.Relay().PublishBatchAsync(10, CancellationToken.None);

        Assert.Equal(0, (await GaugeAsync<long>(gauges, EventingGauges.OutboxPending)).Value());
        Assert.Equal(0, (await GaugeAsync<double>(gauges, EventingGauges.OutboxLag)).Value());
        var measurement = Assert.Single(published.GetMeasurementSnapshot());
        Assert.Equal((2L, Topics.CseFlags), (measurement.Value, measurement.Tags["topic"]));
    }

    [Fact]
    public async Task A_poison_message_is_counted_as_dead_lettered_with_its_reason_and_waits_in_the_dead_letter_gauge()
    {
        var gauges = _harness.Gauges(TimeProvider.System);
        using var consumed = AppMetrics.Collect<long>(_harness.Services, EventingMetrics.Consumed);
        using var deadLettered = AppMetrics.Collect<long>(_harness.Services, EventingMetrics.DeadLettered);
        using var duration = AppMetrics.Collect<double>(_harness.Services, EventingMetrics.HandlerDuration);
        var consumer = _harness.Consumer();
        await consumer.StartAsync(CancellationToken.None);
        Assert.Equal(0, (await GaugeAsync<long>(gauges, EventingGauges.DeadLetters)).Value("topic", Topics.CseFlags));

        var delivery = await _harness.Transport.DeliverAsync(new TransportMessage("poison-1", Topics.CseFlags, "child-key-1", "?", "test-police", new byte[] { 0xff, 0xff }));

        Assert.Equal("dead-lettered", delivery.Settlement);
        Assert.Equal(1, (await GaugeAsync<long>(gauges, EventingGauges.DeadLetters)).Value("topic", Topics.CseFlags));
        Assert.Equal("dead_lettered", Assert.Single(consumed.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Equal("BadPayload", Assert.Single(deadLettered.GetMeasurementSnapshot()).Tags["reason"]);
        Assert.True(Assert.Single(duration.GetMeasurementSnapshot()).Value >= 0);
        await consumer.StopAsync(CancellationToken.None);
    }
}
