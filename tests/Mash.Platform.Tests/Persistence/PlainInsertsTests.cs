using System.Data.Common;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Mash.Platform.Tests.Persistence;

public sealed class PlainInsertsSqliteTests() : PlainInsertsTests(DatabaseProvider.Sqlite);

public sealed class PlainInsertsPostgreSqlTests() : PlainInsertsTests(DatabaseProvider.PostgreSql);

/// <summary>
/// A group commit's save that only adds rows is written as plain inserts: the rows must be exactly what EF Core's own
/// save stores, sequence numbers included, and a refused insert must fail as EF Core's does. Run once per provider.
/// </summary>
public abstract class PlainInsertsTests : IDisposable
{
    private static readonly DateTime Received = new(2026, 3, 29, 0, 30, 15, DateTimeKind.Utc);
    private readonly EmptyDatabase _database;
    private readonly DatabaseProvider _provider;
    private readonly AuditCommitQueue _commits = new(TimeProvider.System);
    private readonly EfInserts _efInserts = new();
    private readonly string _connectionString;

    private protected PlainInsertsTests(DatabaseProvider provider)
    {
        _provider = provider;
        _database = new EmptyDatabase(provider, "mash_inserts");
        _connectionString = _database.ConnectionString;

        using var db = Open();
        db.Database.EnsureCreated();
    }

    public void Dispose()
    {
        _commits.Dispose();
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Rows_added_in_a_group_commit_are_stored_as_EF_Core_stores_them_with_the_sequence_numbers_SQLite_gives()
    {
        // Through the group commit: plain inserts.
        await using var grouped = Open();
        var groupedRecord = Record("rec-1");
        var groupedLines = new[] { new LogLine { Text = "first" }, new LogLine { Text = "second" } };
        grouped.Records.Add(groupedRecord);
        grouped.Lines.AddRange(groupedLines);
        await SaveInGroupCommitAsync(grouped, "rec-1");

        Assert.Equal(0, _efInserts.Count);
        Assert.Equal([1L, 2L], groupedLines.Select(l => l.Sequence));
        Assert.All(grouped.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));

        // EF Core's own save (no transaction of the caller's): the same values, a row for comparison.
        await using (var alone = Open())
        {
            alone.Records.Add(Record("rec-2"));
            alone.Lines.Add(new LogLine { Text = "third" });
            await alone.SaveChangesAsync();
        }

        Assert.Equal(1, _efInserts.Count);
        var stored = StoredRows("SELECT * FROM \"Records\" ORDER BY \"Id\"");
        Assert.Equal(2, stored.Count);
        // Every column but the key stored alike, type and text: times, the enum, the flag, the bytes, the null.
        Assert.Equal(stored[1].Skip(1), stored[0].Skip(1));
        Assert.Equal(["1", "2", "3"], StoredRows("SELECT \"Sequence\" FROM \"Lines\" ORDER BY \"Sequence\"").Select(row => row[0].Split(' ')[1]));

        await using var check = Open();
        var read = await check.Records.SingleAsync(r => r.Id == "rec-1");
        Assert.Equal((Received, DateTimeKind.Utc, Grade.Amber, true, (DateTime?)null, "010203"),
            (read.ReceivedAt, read.ReceivedAt.Kind, read.Grade, read.Urgent, read.ClosedAt, Convert.ToHexString(read.Details)));
    }

    [SkippableFact]
    public async Task Sequence_numbers_are_read_back_for_rows_saved_between_rows_without_one()
    {
        await using var db = Open();
        var first = new LogLine { Text = "before the record" };
        var last = new LogLine { Text = "after the record" };
        db.Lines.Add(first);
        db.Records.Add(Record("rec-1"));
        db.Lines.Add(last);
        await SaveInGroupCommitAsync(db, "rec-1");

        Assert.Equal(0, _efInserts.Count);
        await using var check = Open();
        var stored = await check.Lines.OrderBy(l => l.Sequence).Select(l => new { l.Sequence, l.Text }).ToListAsync();
        Assert.Equal([(first.Sequence, first.Text), (last.Sequence, last.Text)], stored.Select(l => (l.Sequence, l.Text)));
        Assert.True(first.Sequence > 0 && last.Sequence > first.Sequence);
    }

    [SkippableFact]
    public async Task A_refused_insert_fails_as_EF_Core_reports_it_and_nothing_of_its_save_is_stored()
    {
        await StoreInGroupCommitAsync(Record("rec-1"));

        await using var again = Open();
        again.Lines.Add(new LogLine { Text = "added before the refused row" });
        again.Records.Add(Record("rec-1"));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveInGroupCommitAsync(again, "rec-1"));

        Assert.True(DbErrors.IsUniqueViolation(refused));
        Assert.Equal(0, _efInserts.Count);
        await using var check = Open();
        Assert.Equal(0, await check.Lines.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [SkippableFact]
    public async Task A_save_that_also_changes_a_row_is_left_to_EF_Core()
    {
        await StoreInGroupCommitAsync(Record("rec-1"));

        await using var db = Open();
        var existing = await db.Records.SingleAsync();
        existing.Urgent = false;
        db.Records.Add(Record("rec-2"));
        await SaveInGroupCommitAsync(db, "rec-2");

        Assert.Equal(1, _efInserts.Count);
        await using var check = Open();
        Assert.Equal([("rec-1", false), ("rec-2", true)],
            (await check.Records.OrderBy(r => r.Id).ToListAsync()).Select(r => (r.Id, r.Urgent)));
    }

    private async Task StoreInGroupCommitAsync(TrackedRecord record)
    {
        await using var db = Open();
        db.Records.Add(record);
        await SaveInGroupCommitAsync(db, record.Id);
    }

    private Task SaveInGroupCommitAsync(InsertsTestDb db, string recordId)
    {
        var call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/Save", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
        call.Touch("child-1", recordId);
        return new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, CancellationToken.None);
    }

    private static TrackedRecord Record(string id) => new()
    {
        Id = id, ReceivedAt = Received, Grade = Grade.Amber, Urgent = true, ClosedAt = null, Details = [1, 2, 3], Note = "a note",
    };

    private InsertsTestDb Open() =>
        new((DbContextOptions<InsertsTestDb>)new DbContextOptionsBuilder<InsertsTestDb>()
            .UseMashDatabase(_provider, _connectionString).AddInterceptors(_efInserts).Options);

    /// <summary>Each row's columns as the database holds them: "type value".</summary>
    private List<string[]> StoredRows(string sql)
    {
        using DbConnection connection = _provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? "null"
                : $"{reader.GetDataTypeName(i)} {(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i))}")]);
        }

        return rows;
    }

    /// <summary>Counts the inserts EF Core itself sends (plain inserts do not pass its command interceptors); the tests save asynchronously.</summary>
    private sealed class EfInserts : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return ValueTask.FromResult(result);
        }

        private void Observe(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"Records\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}

internal enum Grade
{
    Green = 1,
    Amber = 2,
}

internal sealed class TrackedRecord
{
    public string Id { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public Grade Grade { get; set; }
    public bool Urgent { get; set; }
    public DateTime? ClosedAt { get; set; }
    public byte[] Details { get; set; } = [];
    public string Note { get; set; } = "";
    public int Version { get; set; }
}

internal sealed class LogLine
{
    public long Sequence { get; set; }
    public string Text { get; set; } = "";
}

internal sealed class InsertsTestDb(DbContextOptions<InsertsTestDb> options) : AuditedDbContext(options)
{
    public DbSet<TrackedRecord> Records => Set<TrackedRecord>();
    public DbSet<LogLine> Lines => Set<LogLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TrackedRecord>(record =>
        {
            record.ToTable("Records");
            record.Property(r => r.Version).IsConcurrencyToken();
            record.Property(r => r.Grade).HasConversion<string>();
        });
        modelBuilder.Entity<LogLine>(line =>
        {
            line.ToTable("Lines");
            line.HasKey(l => l.Sequence);
        });
    }
}
