using Mash.Platform.Eventing;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using System.Data.Common;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Platform.Tests.Audit;

/// <summary>A service's database in miniature: one table of its own plus the platform's audit trail.</summary>
internal sealed class AuditTestDb(DbContextOptions<AuditTestDb> options) : MashDbContext(options)
{
    public DbSet<CaseNote> Notes => Set<CaseNote>();

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

public sealed class AuditTrailSqliteTests() : AuditTrailTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public void Each_provider_gets_its_own_append_only_triggers()
    {
        Assert.Equal(2, TestDatabase.AppendOnlyTriggerSql(DatabaseProvider.Sqlite).Count);
        var postgres = TestDatabase.AppendOnlyTriggerSql(DatabaseProvider.PostgreSql);
        Assert.Contains(postgres, sql => sql.Contains("LANGUAGE plpgsql", StringComparison.Ordinal));
        Assert.Contains(postgres, sql => sql.Contains("BEFORE TRUNCATE", StringComparison.Ordinal));
    }
}

public sealed class AuditTrailPostgreSqlTests() : AuditTrailTests(DatabaseProvider.PostgreSql)
{
    [SkippableFact]
    public async Task Two_replicas_appending_at_once_each_with_its_own_process_lock_keep_one_chain()
    {
        // Two processes: each has its own commit queue, only the database lock is shared.
        await using var replicaA = new AuditCommitQueue(TimeProvider.System);
        await using var replicaB = new AuditCommitQueue(TimeProvider.System);
        var calls = Enumerable.Range(1, 30)
            .Select(i => Call("police", $"app-{i}", "Screening", "LAWFUL_BASIS_PUBLIC_TASK", $"referral-{i}", $"referral-{i}b"))
            .ToList();

        await Task.WhenAll(calls.Select((call, i) => Task.Run(() => AppendAsync(call, "OK", i % 2 == 0 ? replicaA : replicaB))));

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(60, result.EntriesChecked);
        Assert.All(calls, call => Assert.True(call.Persisted));
    }

    [SkippableFact]
    public async Task Truncating_the_audit_table_is_refused()
    {
        await AppendThreeCallsAsync();
        await using var db = Database.Open();

        var truncate = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));

        Assert.Contains(AuditTrailMigrations.RefusalMessage, truncate.Message);
        Assert.Equal(4, (await VerifyAsync()).EntriesChecked);
    }
}

/// <summary>The audit trail on a real database, run once per provider.</summary>
public abstract class AuditTrailTests : IDisposable
{
    private const string GetReferral = "/mash.referral.v1.Referrals/GetReferral";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567));
    private readonly AuditCommitQueue _commits;

    private protected AuditTrailTests(DatabaseProvider provider)
    {
        Database = TestDatabase.Create(provider);
        _commits = new AuditCommitQueue(_time);
    }

    private protected TestDatabase Database { get; }

    public void Dispose()
    {
        _commits.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected static CallAudit Call(string agency, string client, string purpose, string basis, params string[] records)
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

    private protected async Task AppendAsync(CallAudit call, string outcome, AuditCommitQueue? processQueue = null)
    {
        await using var db = Database.Open();
        await new AuditTrail(processQueue ?? _commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).AppendAsync(db, outcome, CancellationToken.None);
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = Database.Open();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private protected async Task<AuditVerification> VerifyAsync()
    {
        await using var db = Database.Open();
        return await AuditVerifier.VerifyAsync(db);
    }

    /// <summary>Three calls: a read of two records, a refused read, a read of one record.</summary>
    private protected async Task AppendThreeCallsAsync()
    {
        await AppendAsync(Call("police", "police-app", "Strategy discussion", "LAWFUL_BASIS_LAW_ENFORCEMENT", "referral-1", "referral-2"), "OK");
        _time.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(Call("health", "gp-app", "Curious", "LAWFUL_BASIS_CONSENT", "referral-1"), "PermissionDenied");
        _time.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(Call("children-social-care", "lacsc-app", "MASH screening", "LAWFUL_BASIS_PUBLIC_TASK", "referral-3"), "OK");
    }

    [SkippableFact]
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
        // Whole microseconds (the clock said ...1234567 ticks): what PostgreSQL can store, on either database.
        Assert.Equal(new DateTime(2026, 3, 2, 9, 20, 30, DateTimeKind.Utc).AddTicks(1234560), refused.OccurredAt);
        Assert.Equal(DateTimeKind.Utc, refused.OccurredAt.Kind);
    }

    [SkippableFact]
    public async Task A_call_that_touched_no_record_writes_nothing()
    {
        var call = Call("police", "police-app", "Search", "LAWFUL_BASIS_LAW_ENFORCEMENT");

        await AppendAsync(call, "OK");

        Assert.Empty(await EntriesAsync());
        Assert.False(call.Persisted);
    }

    [SkippableFact]
    public async Task Rows_cannot_be_updated_or_deleted_through_SQL()
    {
        await AppendThreeCallsAsync();
        await using var db = Database.Open();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'OK' WHERE \"Sequence\" = 3"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3"));

        Assert.Contains(AuditTrailMigrations.RefusalMessage, update.Message);
        Assert.Contains(AuditTrailMigrations.RefusalMessage, delete.Message);
        Assert.Equal(["OK", "OK", "PermissionDenied", "OK"], (await EntriesAsync()).Select(e => e.Outcome));
        Assert.True((await VerifyAsync()).Intact);
    }

    [SkippableFact]
    public async Task An_outcome_changed_by_someone_who_dropped_the_trigger_is_found_at_that_entry()
    {
        await AppendThreeCallsAsync();
        await using (var db = Database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(Database.DropTriggerSql("AuditEntries_NoUpdate"));
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'PermissionDenied' WHERE \"Sequence\" = 2");
        }

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [SkippableFact]
    public async Task A_row_deleted_by_someone_who_dropped_the_trigger_is_found()
    {
        await AppendThreeCallsAsync();
        await using (var db = Database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(Database.DropTriggerSql("AuditEntries_NoDelete"));
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");
        }

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [SkippableFact]
    public async Task Twenty_parallel_calls_sharing_the_commit_queue_produce_one_chain_of_twenty()
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

    [SkippableFact]
    public async Task A_duplicate_key_is_recognised_as_a_unique_violation_on_this_database()
    {
        await using (var db = Database.Open())
        {
            db.Notes.Add(new CaseNote { Id = 1, Text = "first" });
            await db.SaveChangesAsync();
        }

        await using var again = Database.Open();
        again.Notes.Add(new CaseNote { Id = 1, Text = "a concurrent retry" });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(error));
    }

    [SkippableFact]
    public async Task A_write_is_saved_with_its_audit_entries()
    {
        var call = Call("children-social-care", "lacsc-app", "Record decision", "LAWFUL_BASIS_PUBLIC_TASK", "referral-7");
        await using (var db = Database.Open())
        {
            db.Notes.Add(new CaseNote { Id = 1, Text = "Decision: strategy discussion" });
            await new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, CancellationToken.None);
        }

        await using var check = Database.Open();
        Assert.Equal("Decision: strategy discussion", (await check.Notes.SingleAsync()).Text);
        Assert.Equal("referral-7", (await check.AuditEntries.SingleAsync()).RecordId);
        Assert.True(call.Persisted);
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [SkippableFact]
    public async Task A_write_that_fails_leaves_neither_the_change_nor_its_audit_entries()
    {
        await using (var db = Database.Open())
        {
            db.Notes.Add(new CaseNote { Id = 1, Text = "first" });
            await db.SaveChangesAsync();
        }

        var call = Call("children-social-care", "lacsc-app", "Record decision", "LAWFUL_BASIS_PUBLIC_TASK", "referral-8");
        await using (var db = Database.Open())
        {
            db.Notes.Add(new CaseNote { Id = 2, Text = "second" });
            db.Notes.Add(new CaseNote { Id = 1, Text = "clashes with the first" });
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, CancellationToken.None));
        }

        await using var check = Database.Open();
        Assert.Equal(["first"], await check.Notes.Select(n => n.Text).ToListAsync());
        Assert.Empty(await check.AuditEntries.ToListAsync());
        Assert.False(call.Persisted);
    }
}
