using Mash.Investigation.Domain;
using Microsoft.Extensions.Options;

namespace Mash.Investigation.Application;

/// <summary>Looks for stalls every <see cref="InvestigationOptions.StallCheckMinutes"/> minutes, and once at start.</summary>
internal sealed partial class StallWatch(IServiceScopeFactory scopes, IOptions<InvestigationOptions> options, TimeProvider time, ILogger<StallWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.StallCheckMinutes), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StallReports>().SendChangesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next look sends whatever this one could not: nothing is marked sent unless it was.
                LogFailed(e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Looking for stalled investigations failed ({ExceptionType}: {Reason}); the next look tries again")]
    private partial void LogFailed(string exceptionType, string reason);
}
