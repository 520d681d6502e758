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
}
