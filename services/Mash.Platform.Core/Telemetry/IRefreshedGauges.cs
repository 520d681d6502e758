namespace Mash.Platform.Telemetry;

/// <summary>
/// Gauges whose values come from a query: <see cref="GaugeRefresher"/> calls
/// <see cref="RefreshAsync"/> every <see cref="TelemetryOptions.GaugeRefreshInterval"/>, and the
/// gauges report the values of the last refresh.
/// </summary>
public interface IRefreshedGauges
{
    /// <param name="services">A scope of its own, e.g. for the service's DbContext.</param>
    Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken);
}
