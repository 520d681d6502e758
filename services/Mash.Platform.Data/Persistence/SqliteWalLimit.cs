using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Persistence;

/// <summary>
/// Keeps a service's SQLite WAL from growing without end while its commits never pause: the group commit's
/// writer empties the WAL between two of its commits once the file has passed a limit.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SqliteWalCheckpointer"/> copies the WAL into the database every second without blocking anyone,
/// but SQLite starts the WAL over only when a commit begins while every frame has been copied. Under steady
/// load another commit has always been appended first, and the WAL only grew: the referral service's reached
/// 411 MB in 100 s of the benchmark. A TRUNCATE checkpoint from the checkpointer's own connection bounded it,
/// but took the write lock the writer then met, and Microsoft.Data.Sqlite retries a locked statement after
/// 150 ms: the p99 of steady submits went to 114-160 ms.
/// </para>
/// <para>
/// Every write of a service goes through its group commit's one writer, so when that writer checkpoints between
/// its own commits no writer meets the lock; in WAL mode readers never wait for a checkpoint. Its connection has
/// no busy handler: when a reader still holds a snapshot inside the WAL the checkpoint copies what it can and
/// returns at once, and the writer tries again once the WAL has grown by another eighth of the limit, so a long
/// read does not turn every commit into a checkpoint.
/// </para>
/// </remarks>
internal sealed class SqliteWalLimit(long limitBytes)
{
    /// <summary>
    /// 16 MB, 4,096 pages: under the benchmark's heaviest load a few seconds of a service's commits, of which the
    /// background checkpointer has copied all but the last second's, so emptying it costs the writer a few milliseconds.
    /// </summary>
    public const long DefaultLimitBytes = 16 * 1024 * 1024;

    private readonly ConditionalWeakTable<DbConnection, WalFile> _files = [];

    public long LimitBytes { get; } = limitBytes > 0 ? limitBytes : throw new ArgumentOutOfRangeException(nameof(limitBytes), limitBytes, "The WAL's limit must be positive.");

    /// <summary>
    /// Empties <paramref name="connection"/>'s WAL when it has passed the limit; call between two commits of its
    /// database's only writer. Not a SQLite connection, or no WAL: nothing to do.
    /// </summary>
    public async Task<WalCheckpoint> AfterCommitAsync(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return WalCheckpoint.NotNeeded;
        }

        var file = _files.GetValue(connection, _ => new WalFile(sqlite.DataSource + "-wal"));
        var length = file.Length();
        if (length < Math.Max(LimitBytes, file.RetryAtBytes))
        {
            return WalCheckpoint.NotNeeded;
        }

        await using var command = connection.CreateCommand();
        // TRUNCATE, not RESTART: the file's length is then the WAL's, and a burst's disk space is given back.
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        var blocked = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) != 0;
        file.RetryAtBytes = blocked ? length + (LimitBytes / 8) : 0;
        return blocked ? WalCheckpoint.BlockedByReader : WalCheckpoint.Emptied;
    }

    private sealed class WalFile(string path)
    {
        public long RetryAtBytes { get; set; }

        public long Length()
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : 0;
        }
    }
}

/// <summary>What <see cref="SqliteWalLimit.AfterCommitAsync"/> did.</summary>
internal enum WalCheckpoint
{
    /// <summary>The WAL is within the limit, or was found blocked and has not grown enough since to try again.</summary>
    NotNeeded,

    /// <summary>Copied into the database and truncated: the next commit starts it over.</summary>
    Emptied,

    /// <summary>Copied as far as a reader's snapshot allowed, not truncated.</summary>
    BlockedByReader,
}
