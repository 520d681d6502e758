namespace Mash.Platform.Telemetry;

/// <summary>Configuration section <c>Mash:Telemetry</c>.</summary>
public sealed record TelemetryOptions
{
    public const string Section = "Mash:Telemetry";

    /// <summary>
    /// How often gauges that need a database query (backlogs, overdue work, outbox lag, dead
    /// letters) are recomputed; a scrape or export reads the last values, never the database.
    /// </summary>
    public TimeSpan GaugeRefreshInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most series (distinct sets of tag values) one metric keeps; measurements past it are counted in one overflow
    /// series. OpenTelemetry allocates every metric's series up front: its default of 2,000 held 144 KB a metric, about
    /// 82 MB in a one-process node of seven applications with 81 metrics each (docs/benchmarks.md). 500 is sized to leave
    /// room for the busiest, a gateway's request duration by route, method and status code; not measured at a partner's
    /// load, so watch for the overflow series.
    /// </summary>
    public int MetricSeriesLimit { get; init; } = 500;

    /// <summary>
    /// Set for each application of a process that hosts several (the embedded node host sets it): export only the spans
    /// and metrics this application made. Every OpenTelemetry provider of a process listens to every meter and activity
    /// source of that name, so without it each application would export all the others' as its own.
    /// </summary>
    public bool SharedProcess { get; init; }

    /// <summary>
    /// With <see cref="SharedProcess"/>: whether this application also exports what belongs to the process rather than
    /// to one application (the runtime's metrics, spans begun outside every application). The node host leaves it on for
    /// the gateway only, so the process's figures are exported once.
    /// </summary>
    public bool ProcessTelemetry { get; init; } = true;
}
