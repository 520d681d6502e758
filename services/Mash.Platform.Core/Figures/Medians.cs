namespace Mash.Platform.Figures;

/// <summary>The middle value, the mean of the two middle ones for an even count, zero when there are none: every figure's median.</summary>
public static class Medians
{
    public static TimeSpan OfSorted(IReadOnlyList<TimeSpan> sorted) => sorted.Count switch
    {
        0 => TimeSpan.Zero,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count switch
        {
            0 => 0,
            var n when n % 2 == 1 => sorted[n / 2],
            var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
        };
    }
}
