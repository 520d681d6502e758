using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Platform.Tests.Audit;

/// <summary>A service's database in miniature: one table of its own plus the platform's audit trail.</summary>
internal sealed class AuditTestDb(DbContextOptions<AuditTestDb> options) : MashDbContext(options)
{
    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public static AuditTestDb Open(string file) =>
        new(new DbContextOptionsBuilder<AuditTestDb>().UseSqlite($"Data Source={file};Pooling=False").Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CaseNote>().Property(n => n.Id).ValueGeneratedNever();
    }
}

internal sealed class CaseNote
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed class AuditTrailSqliteTests : IDisposable
{
    private const string GetReferral = "/mash.referral.v1.Referrals/GetReferral";

    private readonly TempDirectory _temp = new();
    private readonly string _file;
    private readonly AuditChainLock _chainLock = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567));

    public AuditTrailSqliteTests()
    {
        _file = _temp.File("service.db");
        using var db = AuditTestDb.Open(_file);
        // EnsureCreated is acceptable here only: the services themselves always migrate.
        db.Database.EnsureCreated();
        foreach (var sql in AppendOnlyTriggerSql())
        {
            db.Database.ExecuteSqlRaw(sql);
        }
    }

    public void Dispose()
    {
        _chainLock.Dispose();
        _temp.Dispose();
    }

    /// <summary>The exact SQL the platform's migration helper adds.</summary>
    private static List<string> AppendOnlyTriggerSql()
    {
        var migration = new MigrationBuilder("Microsoft.EntityFrameworkCore.Sqlite");
        AuditTrailMigrations.AddAppendOnlyTriggers(migration);
        var sql = migration.Operations.OfType<SqlOperation>().Select(o => o.Sql).ToList();
        Assert.Equal(2, sql.Count);
        return sql;
    }

    private static CallAudit Call(string agency, string client, string purpose, string basis, params string[] records)
    {
        var call = new CallAudit
        {
            Caller = new CallerIdentity(agency, client),
            Method = GetReferral,
            Purpose = purpose,
            LawfulBasis = basis,
        };
        foreach (var record in records)
        {
            call.Touch("child-" + record, record);
        }

        return call;
    }

    private async Task AppendAsync(CallAudit call, string outcome)
    {
        await using var db = AuditTestDb.Open(_file);
        await new AuditTrail(_chainLock, call, _time).AppendAsync(db, outcome, CancellationToken.None);
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = AuditTestDb.Open(_file);
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var db = AuditTestDb.Open(_file);
        return await AuditVerifier.VerifyAsync(db);
    }

    /// <summary>Three calls: a read of two records, a refused read, a read of one record.</summary>
    private async Task AppendThreeCallsAsync()
    {
        await AppendAsync(Call("police", "police-app", "Strategy discussion", "LAWFUL_BASIS_LAW_ENFORCEMENT", "referral-1", "referral-2"), "OK");
        _time.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(Call("health", "gp-app", "Curious", "LAWFUL_BASIS_CONSENT", "referral-1"), "PermissionDenied");
        _time.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(Call("children-social-care", "lacsc-app", "MASH screening", "LAWFUL_BASIS_PUBLIC_TASK", "referral-3"), "OK");
    }

    [Fact]
    public async Task Entries_of_several_calls_form_an_intact_chain_recording_who_what_why_and_when()
    {
        await AppendThreeCallsAsync();

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(4, result.EntriesChecked);

        var entries = await EntriesAsync();
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.Sequence));
        Assert.Equal(["referral-1", "referral-2", "referral-1", "referral-3"], entries.Select(e => e.RecordId));
        Assert.Equal(["OK", "OK", "PermissionDenied", "OK"], entries.Select(e => e.Outcome));

        var refused = entries[2];
        Assert.Equal(("health", "gp-app", GetReferral), (refused.Agency, refused.ClientId, refused.Method));
        Assert.Equal(("Curious", "LAWFUL_BASIS_CONSENT", "child-referral-1"), (refused.Purpose, refused.LawfulBasis, refused.ChildKey));
        Assert.Equal(new DateTime(2026, 3, 2, 9, 20, 30, DateTimeKind.Utc).AddTicks(1234567), refused.OccurredAt);
        Assert.Equal(DateTimeKind.Utc, refused.OccurredAt.Kind);
    }

    [Fact]
    public async Task A_call_that_touched_no_record_writes_nothing()
    {
        var call = Call("police", "police-app", "Search", "LAWFUL_BASIS_LAW_ENFORCEMENT");

        await AppendAsync(call, "OK");

        Assert.Empty(await EntriesAsync());
        Assert.False(call.Persisted);
    }

    [Fact]
    public async Task Rows_cannot_be_updated_or_deleted_through_SQL()
    {
        await AppendThreeCallsAsync();
        await using var db = AuditTestDb.Open(_file);

        var update = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Outcome = 'OK' WHERE Sequence = 3"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 3"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(["OK", "OK", "PermissionDenied", "OK"], (await EntriesAsync()).Select(e => e.Outcome));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_outcome_changed_by_someone_who_dropped_the_trigger_is_found_at_that_entry()
    {
        await AppendThreeCallsAsync();
        await using (var db = AuditTestDb.Open(_file))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate");
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Outcome = 'PermissionDenied' WHERE Sequence = 2");
        }

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_row_deleted_by_someone_who_dropped_the_trigger_is_found()
    {
        await AppendThreeCallsAsync();
        await using (var db = AuditTestDb.Open(_file))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoDelete");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 3");
        }

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Twenty_parallel_calls_sharing_the_chain_lock_produce_one_chain_of_twenty()
    {
        var calls = Enumerable.Range(1, 20)
            .Select(i => Call("police", $"app-{i}", "Screening", "LAWFUL_BASIS_PUBLIC_TASK", $"referral-{i}"))
            .ToList();

        await Task.WhenAll(calls.Select(call => Task.Run(() => AppendAsync(call, "OK"))));

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(20, result.EntriesChecked);
        Assert.Equal(
            Enumerable.Range(1, 20).Select(i => $"referral-{i}").Order(),
            (await EntriesAsync()).Select(e => e.RecordId).Order());
        Assert.All(calls, call => Assert.True(call.Persisted));
    }

    [Fact]
    public async Task A_write_is_saved_with_its_audit_entries()
    {
        var call = Call("children-social-care", "lacsc-app", "Record decision", "LAWFUL_BASIS_PUBLIC_TASK", "referral-7");
        await using (var db = AuditTestDb.Open(_file))
        {
            db.Notes.Add(new CaseNote { Id = 1, Text = "Decision: strategy discussion" });
            await new AuditTrail(_chainLock, call, _time).SaveChangesWithAuditAsync(db, CancellationToken.None);
        }

        await using var check = AuditTestDb.Open(_file);
        Assert.Equal("Decision: strategy discussion", (await check.Notes.SingleAsync()).Text);
        Assert.Equal("referral-7", (await check.AuditEntries.SingleAsync()).RecordId);
        Assert.True(call.Persisted);
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [Fact]
    public async Task A_write_that_fails_leaves_neither_the_change_nor_its_audit_entries()
    {
        await using (var db = AuditTestDb.Open(_file))
        {
            db.Notes.Add(new CaseNote { Id = 1, Text = "first" });
            await db.SaveChangesAsync();
        }

        var call = Call("children-social-care", "lacsc-app", "Record decision", "LAWFUL_BASIS_PUBLIC_TASK", "referral-8");
        await using (var db = AuditTestDb.Open(_file))
        {
            db.Notes.Add(new CaseNote { Id = 2, Text = "second" });
            db.Notes.Add(new CaseNote { Id = 1, Text = "clashes with the first" });
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                new AuditTrail(_chainLock, call, _time).SaveChangesWithAuditAsync(db, CancellationToken.None));
        }

        await using var check = AuditTestDb.Open(_file);
        Assert.Equal(["first"], await check.Notes.Select(n => n.Text).ToListAsync());
        Assert.Empty(await check.AuditEntries.ToListAsync());
        Assert.False(call.Persisted);
    }
}
