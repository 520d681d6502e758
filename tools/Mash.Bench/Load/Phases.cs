namespace Mash.Bench.Load;

/// <summary>How long to warm up (calls made, not counted) and then to measure.</summary>
public sealed record Phases(TimeSpan WarmUp, TimeSpan Measure)
{
    public static Phases Full { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
    public static Phases Quick { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
}
