using Mash.Bench.Measurement;

namespace Mash.Bench.Tests;

public sealed class LatencyHistogramTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void An_empty_histogram_answers_zero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(99));
        Assert.Equal(TimeSpan.Zero, histogram.Max);
    }

    [Fact]
    public void Percentiles_of_one_to_a_thousand_milliseconds_are_within_one_percent()
    {
        var histogram = new LatencyHistogram();
        // Recorded out of order: the order of arrival must not matter.
        foreach (var ms in Enumerable.Range(1, 1000).Reverse())
        {
            histogram.Record(Ms(ms));
        }

        foreach (var (percentile, expected) in new[] { (50.0, 500.0), (95.0, 950.0), (99.0, 990.0), (100.0, 1000.0) })
        {
            var actual = histogram.Percentile(percentile).TotalMilliseconds;
            Assert.InRange(actual, expected, expected * 1.01);
        }

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(Ms(1000), histogram.Max);
        Assert.Equal(Ms(1), histogram.Min);
        Assert.Equal(500.5, histogram.Mean.TotalMilliseconds, 1);
    }

    [Fact]
    public void A_few_slow_calls_show_in_the_p99_and_not_in_the_p50()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 980; i++)
        {
            histogram.Record(Ms(2));
        }

        for (var i = 0; i < 20; i++)
        {
            histogram.Record(Ms(300));
        }

        Assert.InRange(histogram.Percentile(50).TotalMilliseconds, 2, 2.02);
        Assert.InRange(histogram.Percentile(99).TotalMilliseconds, 300, 303);
    }

    [Fact]
    public void No_percentile_is_above_the_largest_value_recorded()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMicroseconds(1_000_001));

        Assert.Equal(TimeSpan.FromMicroseconds(1_000_001), histogram.Percentile(99.9));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(1_000L)]
    [InlineData(123_456L)]
    [InlineData(60_000_000L)]
    public void Every_value_falls_in_a_bucket_whose_top_is_within_one_128th_above_it(long micros)
    {
        var top = LatencyHistogram.HighestOf(LatencyHistogram.IndexOf(micros));

        Assert.InRange(top, micros, micros + Math.Max(0, micros / LatencyHistogram.SubBuckets));
    }

    [Fact]
    public async Task Recording_from_many_threads_loses_nothing()
    {
        var histogram = new LatencyHistogram();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.Record(TimeSpan.FromMicroseconds(i));
            }
        })));

        Assert.Equal(80_000, histogram.Count);
    }

    [Fact]
    public void A_percentile_outside_0_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().Percentile(101));
    }
}
