using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Platform.Tests.Persistence;

/// <summary>Service connections leave the WAL alone; the background checkpointer copies it into the database.</summary>
public sealed class SqliteWalCheckpointTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Commits_do_not_checkpoint_and_the_checkpointer_copies_the_whole_wal()
    {
        // Held open throughout: SQLite checkpoints by itself when the last connection closes.
        await using var db = _database.Open(new SqliteConnectionPragmas());
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint"));
        // About 1,500 pages of notes: past the 1,000 pages at which a commit would checkpoint by itself.
        for (var batch = 0; batch < 30; batch++)
        {
            db.Notes.AddRange(Enumerable.Range(batch * 100, 100).Select(id => new CaseNote { Id = id, Text = new string('x', 2_000) }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var checkpointer = new SqliteWalCheckpointer(new Factory(_database), new SqliteWalLimit(), NullLogger<SqliteWalCheckpointer>.Instance);
        var (walFrames, checkpointed) = await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(walFrames > 1_000, $"the commits left {walFrames} frames in the WAL: they checkpointed by themselves");
        Assert.Equal(walFrames, checkpointed);
        await using var check = _database.Open();
        Assert.Equal(3_000, await check.Notes.CountAsync());
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_when_it_is_opened_again()
    {
        // Each query opens and closes the connection; the pool hands the same native connection out again,
        // and the settings, made once, are still there.
        for (var open = 0; open < 3; open++)
        {
            await using var db = _database.Open(new SqliteConnectionPragmas());
            await db.Database.OpenConnectionAsync();
            Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint"));
            // 2 = MEMORY: savepoints' statement journals are not written to temporary files.
            Assert.Equal(2L, await ScalarAsync(db, "PRAGMA temp_store"));
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose() => _database.Dispose();

    private static async Task<long> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Factory(TestDatabase database) : IMashDbContextFactory
    {
        public AuditedDbContext Create() => database.Open(new SqliteConnectionPragmas());
    }
}
