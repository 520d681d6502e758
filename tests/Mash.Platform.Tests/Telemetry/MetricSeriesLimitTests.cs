using System.Diagnostics.Metrics;
using Mash.Platform.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Mash.Platform.Tests.Telemetry;

/// <summary>
/// Each exported metric keeps at most the configured number of series: OpenTelemetry allocates them up front, so the
/// limit is what a metric costs in memory. Measurements past it are still counted, in one overflow series.
/// </summary>
public sealed class MetricSeriesLimitTests
{
    [Fact]
    public void A_metric_keeps_its_series_up_to_the_limit_and_counts_the_rest_in_an_overflow_series()
    {
        var points = Export(seriesLimit: 10, distinctTags: 50);

        // The limit's series, and the overflow series beside them.
        Assert.Equal(11, points.Count);
        var overflow = Assert.Single(points, p => p.Tags.Any(t => t.Key == "otel.metric.overflow"));
        Assert.True(overflow.Count > 0);
        Assert.Equal(50, points.Sum(p => p.Count));
    }

    [Fact]
    public void Under_the_limit_every_series_is_its_own()
    {
        var points = Export(seriesLimit: 500, distinctTags: 50);

        Assert.Equal(50, points.Count);
        Assert.DoesNotContain(points, p => p.Tags.Any(t => t.Key == "otel.metric.overflow"));
    }

    [Fact]
    public void A_limit_under_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sdk.CreateMeterProviderBuilder().AddMashMetrics(0));
    }

    /// <summary>One count for each of <paramref name="distinctTags"/> tag values on a Mash counter of its own, exported once.</summary>
    private static List<(IReadOnlyList<KeyValuePair<string, object?>> Tags, long Count)> Export(int seriesLimit, int distinctTags)
    {
        var exported = new List<Metric>();
        var instrument = $"mash.test.series.{Guid.NewGuid():N}";
        var points = new List<(IReadOnlyList<KeyValuePair<string, object?>>, long)>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMashMetrics(seriesLimit).AddInMemoryExporter(exported).Build();
        using var meter = new Meter(MashTelemetry.SourceName);
        var counter = meter.CreateCounter<long>(instrument);
        for (var i = 0; i < distinctTags; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("caller", $"client-{i}"));
        }

        // Read as exported, before the provider's own export at its end adds a second copy.
        provider.ForceFlush();
        foreach (ref readonly var point in exported.Single(m => m.Name == instrument).GetMetricPoints())
        {
            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var tag in point.Tags)
            {
                tags.Add(tag);
            }

            points.Add((tags, point.GetSumLong()));
        }

        return points;
    }
}
