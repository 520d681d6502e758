using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Audit;

public sealed class AuditGroupCommitSqliteTests() : AuditGroupCommitTests(DatabaseProvider.Sqlite);

public sealed class AuditGroupCommitPostgreSqlTests() : AuditGroupCommitTests(DatabaseProvider.PostgreSql);

/// <summary>
/// Saves that arrive while a commit is in progress share the next one; each stays all-or-nothing
/// on its own. Run once per provider.
/// </summary>
public abstract class AuditGroupCommitTests : IDisposable
{
    private readonly AuditCommitQueue _commits = new(TimeProvider.System);
    private readonly List<AuditTestDb> _contexts = [];

    private protected AuditGroupCommitTests(DatabaseProvider provider)
    {
        Database = TestDatabase.Create(provider);
    }

    private protected TestDatabase Database { get; }

    public void Dispose()
    {
        _commits.Dispose();
        foreach (var db in _contexts)
        {
            db.Dispose();
        }

        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Saves_waiting_behind_a_commit_share_the_next_one_and_a_failing_save_takes_only_itself_back()
    {
        Task first, duplicate;
        List<Task> others;
        CallAudit duplicateCall;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await Task.Delay(300);
            others = [.. Enumerable.Range(2, 4).Select(id => SaveNote(id, $"note {id}", out _))];
            duplicate = SaveNote(1, "a second note 1: refused", out duplicateCall);
            others.AddRange(Enumerable.Range(6, 5).Select(id => SaveNote(id, $"note {id}", out _)));
        }

        await first;
        await Task.WhenAll(others);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);

        Assert.True(DbErrors.IsUniqueViolation(refused));
        Assert.False(duplicateCall.Persisted);
        Assert.Equal(2, _commits.Commits);
        await using var check = Database.Open();
        Assert.Equal(
            ["first", .. Enumerable.Range(2, 9).Select(id => $"note {id}")],
            await check.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(id => $"note-{id}"), entries.Select(e => e.RecordId));
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [SkippableFact]
    public async Task A_context_that_joined_a_shared_commit_has_its_own_connection_back()
    {
        Task first, joined;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await Task.Delay(300);
            joined = SaveNote(2, "second", out _);
        }

        await Task.WhenAll(first, joined);
        var joinedContext = _contexts[1];

        joinedContext.Notes.Add(new CaseNote { Id = 3, Text = "saved later on its own" });
        await joinedContext.SaveChangesAsync();

        Assert.Equal(3, await joinedContext.Notes.CountAsync());
        Assert.Equal(2, _commits.Commits);
    }

    [SkippableFact]
    public async Task A_save_cancelled_while_it_waits_stores_nothing()
    {
        using var cancel = new CancellationTokenSource();
        Task first, cancelled;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await Task.Delay(300);
            cancelled = SaveNote(2, "given up", out _, cancel.Token);
            await cancel.CancelAsync();
        }

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await using var check = Database.Open();
        Assert.Equal(["first"], await check.Notes.Select(n => n.Text).ToListAsync());
        Assert.Equal(["note-1"], await check.AuditEntries.Select(e => e.RecordId).ToListAsync());
    }

    private Task SaveNote(int id, string text, out CallAudit call, CancellationToken cancellationToken = default)
    {
        var db = Database.Open();
        _contexts.Add(db);
        db.Notes.Add(new CaseNote { Id = id, Text = text });
        call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/SaveNote", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
        call.Touch("child-" + id, "note-" + id);
        return new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, cancellationToken);
    }
}
