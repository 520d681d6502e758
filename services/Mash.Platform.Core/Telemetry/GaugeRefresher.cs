using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Telemetry;

/// <summary>
/// Recomputes every <see cref="IRefreshedGauges"/> at start and then every
/// <see cref="TelemetryOptions.GaugeRefreshInterval"/>, so scrapes and exports never query the
/// database. A failed refresh keeps the previous values and is logged; the next one tries again.
/// </summary>
public sealed partial class GaugeRefresher(
    IEnumerable<IRefreshedGauges> gauges, IServiceScopeFactory scopes, IOptions<TelemetryOptions> options,
    TimeProvider time, ILogger<GaugeRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>Recomputes every gauge now (one refresh at a time).</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            foreach (var gauge in gauges)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await gauge.RefreshAsync(scope.ServiceProvider, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    LogRefreshFailed(gauge.GetType().Name, e.GetType().Name, e.Message);
                }
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.GaugeRefreshInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshNowAsync(stoppingToken);
                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refreshing the {Gauges} gauges failed ({ExceptionType}: {Reason}); they keep their last values")]
    private partial void LogRefreshFailed(string gauges, string exceptionType, string reason);
}
