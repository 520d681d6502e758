using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Persistence;

public sealed class RowByKeySqliteTests() : RowByKeyTests(DatabaseProvider.Sqlite);

public sealed class RowByKeyPostgreSqlTests() : RowByKeyTests(DatabaseProvider.PostgreSql);

/// <summary>A row read by its key in plain SQL: the entity EF Core's own query makes, on both databases.</summary>
public abstract class RowByKeyTests : IDisposable
{
    private static readonly RowByKey<ReadRecord> ById = new();
    private static readonly DateTime Received = new(2026, 3, 29, 0, 30, 15, 123, DateTimeKind.Utc);

    private readonly EmptyDatabase _database;
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;

    private protected RowByKeyTests(DatabaseProvider provider)
    {
        _provider = provider;
        _database = new EmptyDatabase(provider, "mash_rowbykey");
        _connectionString = _database.ConnectionString;

        using var db = Open();
        db.Database.EnsureCreated();
    }

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task A_row_read_by_its_key_is_the_entity_EF_Core_makes_of_it_untracked()
    {
        await using (var seed = Open())
        {
            seed.Records.AddRange(
                new ReadRecord("rec-1", "kept by its field")
                {
                    ReceivedAt = Received, Grade = ReadGrade.Amber, Level = ReadGrade.Green, Urgent = true, ClosedAt = null, Details = [1, 2, 3], Count = 7, Version = 2,
                },
                new ReadRecord("rec-2", "") { ReceivedAt = Received.AddDays(1), Grade = ReadGrade.Green, Level = ReadGrade.Amber, ClosedAt = Received.AddHours(3), Details = [] });
            await seed.SaveChangesAsync();
        }

        await using var db = Open();
        foreach (var id in new[] { "rec-1", "rec-2" })
        {
            var expected = await db.Records.AsNoTracking().SingleAsync(r => r.Id == id);
            var read = await ById.FindAsync(db, id, CancellationToken.None);

            Assert.NotNull(read);
            Assert.Equal(Describe(expected), Describe(read));
        }

        // Not only alike: as stored (a UTC time, the field behind a private setter, a null time).
        var first = (await ById.FindAsync(db, "rec-1", CancellationToken.None))!;
        Assert.Equal((Received, DateTimeKind.Utc, "kept by its field", (DateTime?)null), (first.ReceivedAt, first.ReceivedAt.Kind, first.Note, first.ClosedAt));
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [SkippableFact]
    public async Task A_key_no_row_has_reads_nothing_and_a_null_key_is_refused()
    {
        await using var db = Open();

        Assert.Null(await ById.FindAsync(db, "rec-404", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ById.FindAsync(db, null!, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_read_in_the_contexts_transaction_sees_its_row_not_yet_committed()
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Records.Add(new ReadRecord("rec-3", "not yet committed") { ReceivedAt = Received, Details = [9] });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal("not yet committed", (await ById.FindAsync(db, "rec-3", CancellationToken.None))?.Note);
        await transaction.RollbackAsync();
        Assert.Null(await ById.FindAsync(db, "rec-3", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_type_whose_row_is_not_its_own_properties_alone_is_refused()
    {
        await using var db = Open();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new RowByKey<ShadowedRecord>().FindAsync(db, 1, CancellationToken.None));
        Assert.Contains("not read as a plain row", refused.Message);
    }

    private static string Describe(ReadRecord r) =>
        $"{r.Id}|{r.ReceivedAt:O}|{r.ReceivedAt.Kind}|{r.Grade}|{r.Level}|{r.Urgent}|{r.ClosedAt:O}|{r.ClosedAt?.Kind}|{Convert.ToHexString(r.Details)}|{r.Note}|{r.Count}|{r.Version}";

    private ReadTestDb Open() =>
        new((DbContextOptions<ReadTestDb>)new DbContextOptionsBuilder<ReadTestDb>().UseMashDatabase(_provider, _connectionString).Options);
}

internal enum ReadGrade
{
    Green = 1,
    Amber = 2,
}

internal sealed class ReadRecord
{
    public ReadRecord()
    {
    }

    public ReadRecord(string id, string note)
    {
        Id = id;
        Note = note;
    }

    public string Id { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    /// <summary>Stored as text.</summary>
    public ReadGrade Grade { get; set; }
    /// <summary>Stored as a number.</summary>
    public ReadGrade Level { get; set; }
    public bool Urgent { get; set; }
    public DateTime? ClosedAt { get; set; }
    public byte[] Details { get; set; } = [];
    /// <summary>Set by EF Core through its backing field.</summary>
    public string Note { get; private set; } = "";
    public long Count { get; set; }
    public int Version { get; set; }
}

internal sealed class ShadowedRecord
{
    public int Id { get; set; }
}

internal sealed class ReadTestDb(DbContextOptions<ReadTestDb> options) : AuditedDbContext(options)
{
    public DbSet<ReadRecord> Records => Set<ReadRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReadRecord>(record =>
        {
            record.ToTable("ReadRecords");
            record.Property(r => r.Grade).HasConversion<string>();
            record.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ShadowedRecord>(record =>
        {
            record.ToTable("ShadowedRecords");
            record.Property(r => r.Id).ValueGeneratedNever();
            record.Property<string>("Hidden");
        });
    }
}
