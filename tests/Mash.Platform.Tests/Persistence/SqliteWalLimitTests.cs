using System.Globalization;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Platform.Tests.Persistence;

/// <summary>
/// Commits that never pause would grow a service's WAL without end (the background checkpointer copies it, but
/// SQLite only starts it over when a commit begins after a whole copy); the group commit's writer starts it over.
/// </summary>
public sealed class SqliteWalLimitTests : IDisposable
{
    private const long LimitPages = 64;
    private const long FrameBytes = 4096 + 24;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task After_the_checkpointer_copied_a_wal_past_the_limit_the_writer_starts_it_over()
    {
        await using var database = await NotesFileAsync();
        var limit = new SqliteWalLimit(LimitPages);
        // Past the limit, and under twice it: the file is reused as it is.
        database.Write(rows: 25);
        var checkpointer = new SqliteWalCheckpointer(new PlainFactory(database.ConnectionString), limit, NullLogger<SqliteWalCheckpointer>.Instance);

        var (walFrames, copied) = await checkpointer.CheckpointAsync(CancellationToken.None);
        var grownTo = database.WalLength();

        Assert.True(walFrames >= LimitPages && copied == walFrames, $"{copied} of {walFrames} frames copied");
        Assert.Equal(WalCheckpoint.Restarted, await limit.AfterCommitAsync(database.Writer));
        database.Write(rows: 10);
        // Overwritten from its start: neither longer nor holding the frames of before.
        Assert.Equal(grownTo, database.WalLength());
        Assert.InRange(database.WalFrames(), 1, 40);
        Assert.Equal(WalCheckpoint.NotNeeded, await limit.AfterCommitAsync(database.Writer));
        Assert.Equal(35, database.Count());
    }

    [Theory]
    [InlineData(LimitPages - 1, LimitPages - 1)]
    [InlineData(LimitPages + 10, LimitPages)]
    public async Task A_copy_of_a_wal_within_the_limit_or_of_part_of_it_asks_for_nothing(long walFrames, long copied)
    {
        await using var database = await NotesFileAsync();
        var limit = new SqliteWalLimit(LimitPages);
        database.Write(rows: 50);

        limit.Copied(walFrames, copied);

        Assert.Equal(WalCheckpoint.NotNeeded, await limit.AfterCommitAsync(database.Writer));
    }

    [Fact]
    public async Task A_reader_inside_the_wal_delays_the_restart_and_the_writer_does_not_retry_at_every_commit()
    {
        await using var database = await NotesFileAsync();
        var limit = new SqliteWalLimit(LimitPages);
        await using var reader = await OpenAsync(database.Path);
        Run(reader, "BEGIN; SELECT count(*) FROM notes;");
        // Past four times the limit: the writer acts without being asked.
        database.Write(rows: 200);

        Assert.Equal(WalCheckpoint.BlockedByReader, await limit.AfterCommitAsync(database.Writer));
        database.Write(rows: 1);
        Assert.Equal(WalCheckpoint.NotNeeded, await limit.AfterCommitAsync(database.Writer));

        Run(reader, "COMMIT;");
        database.Write(rows: 20);
        Assert.Equal(WalCheckpoint.Restarted, await limit.AfterCommitAsync(database.Writer));
        Assert.Equal(221, database.Count());
    }

    [Fact]
    public async Task Under_saves_that_never_pause_the_group_commit_keeps_the_wal_file_bounded_without_the_checkpointer()
    {
        // No checkpointer at all: the writer's own bound, four times the limit, is what holds the file.
        var largest = await LargestWalWhileSavingAsync(new SqliteWalLimit(LimitPages), saves: 400);

        Assert.InRange(largest, 4 * LimitPages * 4096, (4 * LimitPages * FrameBytes) + (64 * 1024));
    }

    [Fact]
    public async Task Without_a_bound_the_same_saves_grow_the_wal_with_every_commit()
    {
        // What the bound prevents, and so what the test above would see without it.
        var largest = await LargestWalWhileSavingAsync(new SqliteWalLimit(long.MaxValue / (16 * 4096)), saves: 400);

        Assert.True(largest > 8 * LimitPages * FrameBytes, $"the WAL reached {largest} bytes only");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Saves one note after another through a group commit, each as soon as the one before is committed.</summary>
    private static async Task<long> LargestWalWhileSavingAsync(SqliteWalLimit limit, int saves)
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using (var setup = database.Open())
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }

        // Held open throughout, as a service's pool does: SQLite checkpoints by itself when the last connection closes.
        await using var held = database.Open(new SqliteConnectionPragmas());
        await held.Database.OpenConnectionAsync();
        var wal = new FileInfo(held.Database.GetDbConnection().DataSource + "-wal");
        await using var commits = new AuditCommitQueue(TimeProvider.System, limit);
        long largest = 0;
        for (var id = 1; id <= saves; id++)
        {
            await using var db = database.Open(new SqliteConnectionPragmas());
            db.Notes.Add(new CaseNote { Id = id, Text = new string('x', 4_000) });
            var call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/SaveNote", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
            call.Touch("child-" + id, "note-" + id);
            await new AuditTrail(commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, CancellationToken.None);
            wal.Refresh();
            largest = Math.Max(largest, wal.Exists ? wal.Length : 0);
        }

        Assert.Equal(saves, await held.Notes.CountAsync());
        Assert.True((await AuditVerifier.VerifyAsync(held)).Intact);
        return largest;
    }

    private async Task<NotesFile> NotesFileAsync()
    {
        var path = _temp.File("notes.db");
        var writer = await OpenAsync(path);
        Run(writer, "PRAGMA journal_mode = WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
        return new NotesFile(path, writer);
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        Run(connection, "PRAGMA wal_autocheckpoint = 0;");
        return connection;
    }

    private static object? Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>A database of notes and its one writer, each note about one page.</summary>
    private sealed class NotesFile(string path, SqliteConnection writer) : IAsyncDisposable
    {
        private int _next;

        public string Path { get; } = path;
        public SqliteConnection Writer { get; } = writer;
        public string ConnectionString => $"Data Source={Path};Pooling=False";

        public void Write(int rows)
        {
            for (var row = 0; row < rows; row++)
            {
                Run(Writer, $"INSERT INTO notes (id, text) VALUES ({_next++}, '{new string('x', 3_000)}');");
            }
        }

        public long WalLength() => new FileInfo(Path + "-wal").Length;

        /// <summary>Frames in the WAL now (a PASSIVE checkpoint reports them; what it copies changes nothing here).</summary>
        public long WalFrames()
        {
            using var command = Writer.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            reader.Read();
            return reader.GetInt64(1);
        }

        public int Count() => Convert.ToInt32(Run(Writer, "SELECT count(*) FROM notes;"), CultureInfo.InvariantCulture);

        public ValueTask DisposeAsync() => Writer.DisposeAsync();
    }

    /// <summary>The checkpointer's contexts, on the test's file.</summary>
    private sealed class PlainFactory(string connectionString) : IMashDbContextFactory
    {
        public AuditedDbContext Create() => new AuditTestDb(
            (DbContextOptions<AuditTestDb>)new DbContextOptionsBuilder<AuditTestDb>().UseSqlite(connectionString).Options);
    }
}
