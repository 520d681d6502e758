using Mash.Bench.Load;

namespace Mash.Bench.Output;

/// <summary>One figure of the run: a phase's rate and latencies with its gRPC statuses, or a single value.</summary>
public sealed record Figure
{
    public required string Scenario { get; init; }
    public required string Name { get; init; }
    public double? PerSecond { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }
    /// <summary>A figure that is one number (a ratio, megabytes, a start time), in <see cref="Unit"/>.</summary>
    public double? Value { get; init; }
    public string? Unit { get; init; }
    public long Calls { get; init; }
    public IReadOnlyDictionary<string, long> Statuses { get; init; } = new Dictionary<string, long>();
    /// <summary>The target for this figure, in words, and whether this run met it.</summary>
    public string? Target { get; init; }
    public bool? Met { get; init; }
    public string? Note { get; init; }
    /// <summary>The rate as a fraction of the bare gRPC service's, measured in the same run through the same client.</summary>
    public double? VsBare { get; init; }

    public static Figure Of(string scenario, string name, Measured measured, string? note = null) => new()
    {
        Scenario = scenario,
        Name = name,
        PerSecond = Math.Round(measured.PerSecond, 1),
        P50Ms = Ms(measured.Latency.Percentile(50)),
        P95Ms = Ms(measured.Latency.Percentile(95)),
        P99Ms = Ms(measured.Latency.Percentile(99)),
        MaxMs = Ms(measured.Latency.Max),
        Calls = measured.Statuses.Total,
        Statuses = measured.Statuses.ByName(),
        Note = note,
    };

    public static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 2);
}

/// <summary>The whole run, as written to the results file.</summary>
public sealed record BenchRun
{
    public required DateTimeOffset StartedAt { get; init; }
    public required string Mode { get; init; }
    public required int ProcessorCount { get; init; }
    /// <summary>The machine's 1-minute load average at the start and end (other work shares the cores).</summary>
    public double? LoadAverageAtStart { get; init; }
    public double? LoadAverageAtEnd { get; init; }
    public TimeSpan Duration { get; init; }
    public IReadOnlyList<Figure> Figures { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
}
