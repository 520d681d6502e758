using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Persistence;

/// <summary>
/// Moves SQLite's WAL checkpoints off the commit path. By default the connection that commits
/// past 1,000 WAL pages copies them into the database file and flushes it before its commit
/// returns: with group commit that is every few seconds under load, and the calls in that batch
/// waited tens of milliseconds for it (the p99 of steady submits went from 12 to 45 ms). Service
/// connections therefore never checkpoint (<c>wal_autocheckpoint = 0</c>), and
/// <see cref="SqliteWalCheckpointer"/> does it from its own connection every second, in PASSIVE
/// mode: it never blocks a writer, and commits stay as durable as before (the WAL is flushed at
/// each commit; the checkpoint only copies what is already safe).
/// </summary>
/// <remarks>
/// The setting belongs to the SQLite connection, which the pool keeps open between uses: it is made once per
/// pooled connection, not at every open (each query opens one), which saved a statement on every query.
/// </remarks>
internal sealed class SqliteNoAutoCheckpoint : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA wal_autocheckpoint = 0;";
    // Native connections already set; weak, so a connection the pool drops is forgotten with it.
    private static readonly ConditionalWeakTable<object, object> Set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Set.TryGetValue(handle, out _);

    // Only once the setting is made: a failed attempt is tried again at the next open.
    private static void Remember(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            Set.AddOrUpdate(handle, Set);
        }
    }
}

/// <summary>Checkpoints a service's SQLite WAL in the background (see <see cref="SqliteNoAutoCheckpoint"/>).</summary>
/// <remarks>On the machine's own clock, not the service's <see cref="TimeProvider"/>: housekeeping of a file, not domain time.</remarks>
internal sealed partial class SqliteWalCheckpointer(IMashDbContextFactory contexts, ILogger<SqliteWalCheckpointer> logger) : BackgroundService
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

    /// <summary>Copies what it can of the WAL into the database; returns (frames in the WAL, frames copied).</summary>
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
            return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Checkpointing the SQLite WAL failed ({ExceptionType}: {Reason}); retrying in a second")]
    private partial void LogCheckpointFailed(string exceptionType, string reason);
}
