using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Persistence;

/// <summary>
/// Commits that never pause would grow a service's WAL without end (the background checkpointer copies it,
/// but SQLite only starts it over between commits); the group commit's writer empties it past a limit.
/// </summary>
public sealed class SqliteWalLimitTests : IDisposable
{
    private const long Limit = 256 * 1024;
    // A save below is one note of about 4 KB with its audit entry: a few pages of WAL.
    private const long OneSave = 64 * 1024;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Under_saves_that_never_pause_the_group_commit_keeps_the_wal_within_its_limit()
    {
        var largest = await LargestWalWhileSavingAsync(new SqliteWalLimit(Limit), saves: 300);

        Assert.InRange(largest, Limit, Limit + OneSave);
    }

    [Fact]
    public async Task Without_a_limit_the_same_saves_grow_the_wal_with_every_commit()
    {
        // What the limit prevents, and so what the test above would see without it.
        var largest = await LargestWalWhileSavingAsync(new SqliteWalLimit(long.MaxValue), saves: 300);

        Assert.True(largest > 4 * Limit, $"the WAL reached {largest} bytes only");
    }

    [Fact]
    public async Task A_reader_inside_the_wal_delays_emptying_it_and_the_writer_does_not_retry_at_every_commit()
    {
        var path = _temp.File("reader.db");
        await using var writer = await OpenAsync(path);
        Run(writer, "PRAGMA journal_mode = WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
        var limit = new SqliteWalLimit(Limit);
        var next = 0;
        void Write(int rows)
        {
            for (var row = 0; row < rows; row++)
            {
                Run(writer, $"INSERT INTO notes (id, text) VALUES ({next++}, '{new string('x', 3_000)}');");
            }
        }

        await using var reader = await OpenAsync(path);
        Run(reader, "BEGIN; SELECT count(*) FROM notes;");
        Write(120);

        Assert.Equal(WalCheckpoint.BlockedByReader, await limit.AfterCommitAsync(writer));
        Write(1);
        Assert.Equal(WalCheckpoint.NotNeeded, await limit.AfterCommitAsync(writer));

        Run(reader, "COMMIT;");
        Write(20);
        Assert.Equal(WalCheckpoint.Emptied, await limit.AfterCommitAsync(writer));
        Assert.Equal(0, new FileInfo(path + "-wal").Length);
        Write(1);
        Assert.Equal(WalCheckpoint.NotNeeded, await limit.AfterCommitAsync(writer));
        Assert.Equal(next, Convert.ToInt32(Scalar(reader, "SELECT count(*) FROM notes;"), System.Globalization.CultureInfo.InvariantCulture));
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

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        Run(connection, "PRAGMA wal_autocheckpoint = 0;");
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql) => Scalar(connection, sql);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
