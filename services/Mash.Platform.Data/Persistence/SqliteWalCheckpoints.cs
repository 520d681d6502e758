using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Persistence;

/// <summary>
/// Checkpoints a service's SQLite WAL in the background (see <see cref="SqliteConnectionPragmas"/>); what it copies,
/// the group commit's writer need not copy when it empties the WAL (<see cref="SqliteWalLimit"/>).
/// </summary>
/// <remarks>On the machine's own clock, not the service's <see cref="TimeProvider"/>: housekeeping of a file, not domain time.</remarks>
internal sealed partial class SqliteWalCheckpointer(IMashDbContextFactory contexts, SqliteWalLimit walLimit, ILogger<SqliteWalCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The WAL only grows meanwhile; the next tick tries again.
                LogCheckpointFailed(e.GetType().Name, e.Message);
            }
        }
    }

    /// <summary>
    /// Copies what it can of the WAL into the database; returns (frames in the WAL, frames copied). Having copied all
    /// of a WAL past its limit, asks the writer to start it over (<see cref="SqliteWalLimit"/>).
    /// </summary>
    internal async Task<(long WalFrames, long Checkpointed)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var (walFrames, copied) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
            walLimit.Copied(walFrames, copied);
            return (walFrames, copied);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Checkpointing the SQLite WAL failed ({ExceptionType}: {Reason}); retrying in a second")]
    private partial void LogCheckpointFailed(string exceptionType, string reason);
}
