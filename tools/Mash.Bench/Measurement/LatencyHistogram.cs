namespace Mash.Bench.Measurement;

/// <summary>
/// Latencies in log-linear buckets, as HdrHistogram does: each power of two of microseconds is
/// split into <see cref="SubBuckets"/> equal buckets, so any value is kept to within 1/128 (under
/// 0.8 %) whatever its size, in fixed memory, and recording is lock-free. A percentile answers
/// the highest value of its bucket: never better than what was measured.
/// </summary>
public sealed class LatencyHistogram
{
    public const int SubBuckets = 128;
    private const int SubBucketBits = 7;
    // Up to 2^40 µs (12 days): far beyond any deadline.
    private const int Magnitudes = 40;
    private readonly long[] _counts = new long[(Magnitudes + 1) * SubBuckets];
    private long _count;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    public long Count => Interlocked.Read(ref _count);
    public TimeSpan Max => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));
    public TimeSpan Min => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(Interlocked.Read(ref _min));
    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds((double)Interlocked.Read(ref _sum) / Count);

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, micros);
        UpdateMax(micros);
        UpdateMin(micros);
    }

    /// <summary>The latency under which <paramref name="percentile"/> % of the recorded values fall.</summary>
    public TimeSpan Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                // The bucket's top, but never above what was really the largest value.
                return TimeSpan.FromMicroseconds(Math.Min(HighestOf(i), Interlocked.Read(ref _max)));
            }
        }

        return Max;
    }

    internal static int IndexOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)micros;
        }

        // Values in [2^m, 2^(m+1)) share magnitude m and are split into SubBuckets steps of 2^(m-7).
        var magnitude = 63 - (int)long.LeadingZeroCount(micros);
        var shift = magnitude - SubBucketBits;
        var sub = (int)((micros >> shift) - SubBuckets);
        var index = ((magnitude - SubBucketBits + 1) * SubBuckets) + sub;
        return Math.Min(index, ((Magnitudes + 1) * SubBuckets) - 1);
    }

    internal static long HighestOf(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var magnitude = (index / SubBuckets) + SubBucketBits - 1;
        var sub = index % SubBuckets;
        var shift = magnitude - SubBucketBits;
        return ((long)(SubBuckets + sub + 1) << shift) - 1;
    }

    private void UpdateMax(long micros)
    {
        var current = Interlocked.Read(ref _max);
        while (micros > current && Interlocked.CompareExchange(ref _max, micros, current) != current)
        {
            current = Interlocked.Read(ref _max);
        }
    }

    private void UpdateMin(long micros)
    {
        var current = Interlocked.Read(ref _min);
        while (micros < current && Interlocked.CompareExchange(ref _min, micros, current) != current)
        {
            current = Interlocked.Read(ref _min);
        }
    }
}
