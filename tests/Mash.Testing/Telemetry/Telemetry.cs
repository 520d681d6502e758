using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mash.Platform.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace Mash.Testing.Telemetry;

/// <summary>Reads an app's metrics (meter "Mash", scoped to the app's own meter factory, so parallel tests do not mix).</summary>
public static class AppMetrics
{
    /// <summary>A collector of one instrument of the app, from now on.</summary>
    public static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), MashTelemetry.SourceName, instrument);

    /// <summary>Refreshes the app's gauges now (as the background refresher would), then reads one gauge.</summary>
    public static async Task<IReadOnlyList<CollectedMeasurement<T>>> GaugeAsync<T>(IServiceProvider services, string instrument)
        where T : struct
    {
        await services.GetRequiredService<GaugeRefresher>().RefreshNowAsync(CancellationToken.None);
        using var collector = Collect<T>(services, instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot();
    }

    /// <summary>The single value of a gauge without tags, or of the measurement with the given tag.</summary>
    public static T Value<T>(this IReadOnlyList<CollectedMeasurement<T>> measurements, string? tag = null, object? value = null)
        where T : struct =>
        Assert.Single(measurements, m => tag is null || (m.Tags.TryGetValue(tag, out var v) && Equals(v, value))).Value;
}

/// <summary>Every activity of the given sources stopped while it listens (all recorded), for trace assertions.</summary>
public sealed class RecordedActivities : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public RecordedActivities(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The stopped activities of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _stopped.Where(a => a.TraceId == traceId)];

    /// <summary>Waits (up to 10 s) for a stopped activity of the trace with the given name.</summary>
    public async Task<Activity> WaitForAsync(ActivityTraceId traceId, string operationName)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = _stopped.FirstOrDefault(a => a.TraceId == traceId && a.OperationName == operationName);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No '{operationName}' activity in trace {traceId}; seen: {string.Join(", ", InTrace(traceId).Select(a => a.OperationName))}");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _listener.Dispose();
}
