using System.Data;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Mash.Platform.Tests.Persistence;

public sealed class KeptSqliteConnectionTests
{
    // sqlite3_stmt_status: how many times a statement has run (SQLITE_STMTSTATUS_RUN).
    private const int StatementRuns = 6;

    [Fact]
    public async Task A_query_run_again_on_a_context_runs_the_statement_it_prepared_the_first_time()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await using var db = await CreatedWithNotes(options, 3);

        for (var id = 1; id <= 3; id++)
        {
            Assert.Equal($"note {id}", (await NoteAsync(db, id)).Text);
        }

        var connection = Assert.IsType<KeptStatements.Connection>(db.Database.GetDbConnection());
        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Equal([3], RunsOfStatementsReading(connection, "WHERE \"n\".\"Id\" = @id"));
    }

    [Fact]
    public async Task A_save_refused_on_a_kept_statement_rolls_back_and_the_next_save_on_it_is_stored()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await using (await CreatedWithNotes(options, 1))
        {
        }

        await using var db = new NoteDb(options);
        db.Notes.Add(new PlainNote { Id = 5, Text = "first", Words = 1 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // The same insert as the one before, so it runs on the kept statement: the key is taken.
        db.Notes.Add(new PlainNote { Id = 1, Text = "a second note 1", Words = 4 });
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("UNIQUE constraint failed", refused.InnerException!.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();

        db.Notes.Add(new PlainNote { Id = 6, Text = "after", Words = 1 });
        await db.SaveChangesAsync();

        await using var reader = new NoteDb(options);
        Assert.Equal(["note 1", "first", "after"], await reader.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
    }

    [Fact]
    public async Task A_context_lent_another_connection_gets_its_own_back_open_with_its_statements()
    {
        using var temp = new TempDirectory();
        var file = temp.File("notes.db");
        var options = Options<NoteDb>(file);
        await using var db = await CreatedWithNotes(options, 2);
        Assert.Equal("note 1", (await NoteAsync(db, 1)).Text);
        var own = db.Database.GetDbConnection();
        var kept = Assert.IsType<KeptSqliteConnection>(db.Database.GetService<IRelationalConnection>());

        await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await other.OpenAsync();
            kept.Lend(other);
            Assert.Same(other, db.Database.GetDbConnection());
            Assert.Equal("note 2", (await NoteAsync(db, 2)).Text);
            kept.TakeBack();
            Assert.Equal(ConnectionState.Open, other.State);
        }

        Assert.Same(own, db.Database.GetDbConnection());
        Assert.Equal(ConnectionState.Open, own.State);
        Assert.Equal("note 2", (await NoteAsync(db, 2)).Text);
        Assert.Equal([2], RunsOfStatementsReading((SqliteConnection)own, "WHERE \"n\".\"Id\" = @id"));

        await db.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, own.State);
    }

    [Fact]
    public async Task A_model_without_decimals_saves_and_reads_on_a_connection_without_EF_Cores_functions()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await using (var db = new NoteDb(options))
        {
            await db.Database.EnsureCreatedAsync();
            db.Notes.Add(new PlainNote { Id = 1, Text = "seen by social care", Words = 4 });
            await db.SaveChangesAsync();
        }

        await using (var db = new NoteDb(options))
        {
            Assert.Equal("seen by social care", (await db.Notes.SingleAsync(n => n.Words > 3)).Text);
            var missing = await Assert.ThrowsAsync<SqliteException>(() => db.Database.SqlQueryRaw<int>("SELECT ef_compare(1, 2) AS Value").ToListAsync());
            Assert.Contains("no such function: ef_compare", missing.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_model_with_a_decimal_keeps_EF_Cores_functions_for_its_comparisons()
    {
        using var temp = new TempDirectory();
        var options = Options<AmountDb>(temp.File("amounts.db"));
        await using var db = new AmountDb(options);
        Assert.False(KeptSqliteConnection.AppliesTo(db.Model));
        await db.Database.EnsureCreatedAsync();
        db.Amounts.AddRange(new Amount { Id = 1, Value = 1.25m }, new Amount { Id = 2, Value = 10.5m });
        await db.SaveChangesAsync();

        // SQLite stores a decimal as text; EF Core compares it with its ef_compare function.
        Assert.Equal(2, (await db.Amounts.SingleAsync(a => a.Value > 2m)).Id);
    }

    [Fact]
    public async Task A_context_given_back_with_a_reader_left_open_closes_its_connection_and_ends_the_read()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await (await CreatedWithNotes(options, 2)).DisposeAsync();
        var contexts = new PooledDbContextFactory<NoteDb>(options);
        var db = contexts.CreateDbContext();
        var reading = db.Notes.AsAsyncEnumerable().GetAsyncEnumerator();
        Assert.True(await reading.MoveNextAsync());
        var connection = db.Database.GetDbConnection();

        await db.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
        await using var again = contexts.CreateDbContext();
        Assert.Equal("note 2", (await NoteAsync(again, 2)).Text);
    }

    [Fact]
    public async Task No_more_contexts_than_the_limit_keep_their_connection_to_one_database_open()
    {
        using var temp = new TempDirectory();
        var options = Options<NoteDb>(temp.File("notes.db"));
        await (await CreatedWithNotes(options, 1)).DisposeAsync();
        var contexts = Enumerable.Range(0, KeptSqliteConnection.MaxKeptOpenPerDatabase + 8).Select(_ => new NoteDb(options)).ToList();
        try
        {
            foreach (var db in contexts)
            {
                Assert.Equal("note 1", (await NoteAsync(db, 1)).Text);
            }

            Assert.Equal(KeptSqliteConnection.MaxKeptOpenPerDatabase, contexts.Count(IsOpen));

            // Disposed contexts give their places to the others.
            foreach (var db in contexts.Take(4))
            {
                await db.DisposeAsync();
            }

            foreach (var db in contexts.Skip(4))
            {
                await NoteAsync(db, 1);
            }

            Assert.Equal(KeptSqliteConnection.MaxKeptOpenPerDatabase, contexts.Skip(4).Count(IsOpen));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }

        static bool IsOpen(NoteDb db) => db.Database.GetDbConnection().State == ConnectionState.Open;
    }

    private static Task<PlainNote> NoteAsync(NoteDb db, int id) => db.Notes.SingleAsync(n => n.Id == id);

    /// <summary>A new context on a database of <paramref name="count"/> notes, its connection open and its statements listed from the start.</summary>
    private static async Task<NoteDb> CreatedWithNotes(DbContextOptions<NoteDb> options, int count)
    {
        await using (var seeding = new NoteDb(options))
        {
            await seeding.Database.EnsureCreatedAsync();
            for (var id = 1; id <= count; id++)
            {
                seeding.Notes.Add(new PlainNote { Id = id, Text = $"note {id}", Words = 2 });
            }

            await seeding.SaveChangesAsync();
        }

        var db = new NoteDb(options);
        await db.Database.OpenConnectionAsync();
        ((SqliteConnection)db.Database.GetDbConnection()).Handle!.enable_sqlite3_next_stmt(true);
        await db.Database.CloseConnectionAsync();
        return db;
    }

    /// <summary>How often each statement prepared on the native connection whose SQL contains <paramref name="fragment"/> has run.</summary>
    private static List<int> RunsOfStatementsReading(SqliteConnection connection, string fragment)
    {
        var runs = new List<int>();
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(connection.Handle, statement))
        {
            if (raw.sqlite3_sql(statement).utf8_to_string().Contains(fragment, StringComparison.Ordinal))
            {
                runs.Add(raw.sqlite3_stmt_status(statement, StatementRuns, 0));
            }
        }

        return runs;
    }

    private static DbContextOptions<T> Options<T>(string file)
        where T : DbContext
    {
        var connectionString = $"Data Source={file};Pooling=False";
        using var probe = (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseSqlite(connectionString).Options)!;
        var options = new DbContextOptionsBuilder<T>().UseSqlite(connectionString);
        KeptSqliteConnection.UseWhereItApplies(options, probe.Model);
        return options.Options;
    }

    private sealed class NoteDb(DbContextOptions<NoteDb> options) : DbContext(options)
    {
        public DbSet<PlainNote> Notes => Set<PlainNote>();
    }

    private sealed class PlainNote
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
        public int Words { get; set; }
    }

    private sealed class AmountDb(DbContextOptions<AmountDb> options) : DbContext(options)
    {
        public DbSet<Amount> Amounts => Set<Amount>();
    }

    private sealed class Amount
    {
        public int Id { get; set; }
        public decimal Value { get; set; }
    }
}
