using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Persistence;

/// <summary>
/// Keeps a service's SQLite WAL from growing without end while its commits never pause: once the WAL has passed a
/// limit, the group commit's writer has SQLite start it over between two of its commits.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SqliteWalCheckpointer"/> copies the WAL into the database every second without blocking anyone, but
/// SQLite starts the WAL over only when a commit begins while every frame has been copied. Under steady load another
/// commit has always been appended first, and the WAL only grew: the referral service's reached 411 MB in 100 s of
/// the benchmark.
/// </para>
/// <para>
/// What was tried first, and why this is done as it is (docs/benchmarks.md has the figures):
/// a TRUNCATE checkpoint from the checkpointer's own connection took the write lock the writer then met, and
/// Microsoft.Data.Sqlite retries a locked statement after 150 ms (p99 of steady submits 114-160 ms). A TRUNCATE
/// from the writer met no lock, but paused it about 20 ms each time (truncating 16 MB took 11 ms, flushing the
/// database as long) and every commit after it grew the file again: p99 up to 313 ms.
/// </para>
/// <para>
/// So: the checkpointer, having just copied the whole WAL, asks for a restart (<see cref="Copied"/>); the writer,
/// after its next commit, runs a RESTART checkpoint, which has only the frames of that moment to copy and keeps the
/// file, which the next commits overwrite from its start (cut back to twice the limit should it be longer). Every
/// write of a service goes through that one writer, so no writer waits on the checkpoint's lock, and in WAL mode no
/// reader does. The writer's connection has no busy handler: when a reader still holds a snapshot inside the WAL
/// the checkpoint returns at once and the next request tries again. Should the checkpointer never manage a whole
/// copy, the writer restarts the WAL itself once the file is four times the limit: that bound holds whatever the
/// checkpointer does.
/// </para>
/// </remarks>
internal sealed class SqliteWalLimit
{
    /// <summary>
    /// 4,096 pages (16 MB): a few seconds of the benchmark's heaviest load on one service, so the WAL is started over
    /// every few seconds at most, and still much larger than what one commit adds.
    /// </summary>
    public const long DefaultLimitPages = 4096;

    private const long BytesPerPage = 4096;
    private readonly ConditionalWeakTable<DbConnection, WalFile> _files = [];
    private volatile bool _restartWanted;

    public SqliteWalLimit(long limitPages = DefaultLimitPages)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitPages);
        LimitPages = limitPages;
    }

    public long LimitPages { get; }

    /// <summary>
    /// The checkpointer copied <paramref name="copiedFrames"/> of the WAL's <paramref name="walFrames"/>: when that
    /// was all of a WAL past the limit, the writer restarts it after its next commit.
    /// </summary>
    public void Copied(long walFrames, long copiedFrames)
    {
        if (walFrames >= LimitPages && copiedFrames == walFrames)
        {
            _restartWanted = true;
        }
    }

    /// <summary>
    /// Call between two commits of the database's only writer, on its connection: starts the WAL over when asked to,
    /// or when the file has grown far past the limit. Not a SQLite connection: nothing to do.
    /// </summary>
    public async Task<WalCheckpoint> AfterCommitAsync(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return WalCheckpoint.NotNeeded;
        }

        if (!_files.TryGetValue(connection, out var file))
        {
            file = new WalFile(sqlite.DataSource + "-wal");
            // A restarted WAL is overwritten from the start of its file; the first commit after a restart cuts a file
            // longer than this back to it. Twice the limit: the usual restart, asked for near the limit, cuts nothing.
            await RunAsync(connection, $"PRAGMA journal_size_limit = {2 * LimitPages * BytesPerPage};");
            _files.AddOrUpdate(connection, file);
        }

        var asked = _restartWanted;
        var length = asked ? 0 : file.Length();
        if (!asked && length < Math.Max(4 * LimitPages * BytesPerPage, file.RetryAtBytes))
        {
            return WalCheckpoint.NotNeeded;
        }

        _restartWanted = false;
        var blocked = Convert.ToInt64(await RunAsync(connection, "PRAGMA wal_checkpoint(RESTART);"), System.Globalization.CultureInfo.InvariantCulture) != 0;
        file.RetryAtBytes = blocked ? file.Length() + (LimitPages * BytesPerPage / 8) : 0;
        return blocked ? WalCheckpoint.BlockedByReader : WalCheckpoint.Restarted;
    }

    private static async Task<object?> RunAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
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
    /// <summary>Not asked, and the file is within its bound (or was found blocked and has not grown enough since).</summary>
    NotNeeded,

    /// <summary>Copied into the database; the next commit starts the WAL over from the beginning of its file.</summary>
    Restarted,

    /// <summary>Copied as far as a reader's snapshot allowed; the WAL goes on growing for now.</summary>
    BlockedByReader,
}
