using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Support;
using System.Text.RegularExpressions;
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
            await UntilTheFirstSaveIsCommittingAsync();
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
            await UntilTheFirstSaveIsCommittingAsync();
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
    public async Task A_save_that_fails_before_its_statements_are_sent_takes_only_itself_back_and_the_saves_after_it_are_kept()
    {
        // On PostgreSQL a save's audit entries and savepoint go out with its rows: here nothing of it has gone yet.
        Task first, failing;
        List<Task> others;
        CallAudit failingCall;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await UntilTheFirstSaveIsCommittingAsync();
            others = [SaveNote(2, "note 2", out _)];
            failing = SaveNote(3, "never sent", out failingCall, failBeforeSending: true);
            others.AddRange(Enumerable.Range(4, 3).Select(id => SaveNote(id, $"note {id}", out _)));
        }

        await first;
        await Task.WhenAll(others);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Equal("refused before sending", failure.Message);
        Assert.False(failingCall.Persisted);
        Assert.Equal(2, _commits.Commits);
        await using var check = Database.Open();
        Assert.Equal(["first", "note 2", "note 4", "note 5", "note 6"], await check.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["note-1", "note-2", "note-4", "note-5", "note-6"], entries.Select(e => e.RecordId));
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);

        // The commit's connection is left as the next commit expects it.
        await SaveNote(7, "after", out var after);
        Assert.True(after.Persisted);
    }

    [SkippableFact]
    public async Task A_save_cancelled_while_it_waits_stores_nothing()
    {
        using var cancel = new CancellationTokenSource();
        Task first, cancelled;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await UntilTheFirstSaveIsCommittingAsync();
            cancelled = SaveNote(2, "given up", out _, cancellationToken: cancel.Token);
            await cancel.CancelAsync();
        }

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await using var check = Database.Open();
        Assert.Equal(["first"], await check.Notes.Select(n => n.Text).ToListAsync());
        Assert.Equal(["note-1"], await check.AuditEntries.Select(e => e.RecordId).ToListAsync());
    }

    [SkippableFact]
    public async Task Reads_waiting_behind_a_commit_are_written_together_beside_writes_and_a_refused_write()
    {
        Task first, duplicate;
        List<Task> waiting;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await UntilTheFirstSaveIsCommittingAsync();
            waiting = [ReadNote(1), SaveNote(2, "second", out _), ReadNote(2), ReadNote(1)];
            duplicate = SaveNote(2, "a second note 2: refused", out _);
            waiting.Add(ReadNote(2));
        }

        await first;
        await Task.WhenAll(waiting);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);

        Assert.Equal(2, _commits.Commits);
        await using var check = Database.Open();
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["/test/SaveNote", .. Enumerable.Repeat("/test/ReadNote", 4), "/test/SaveNote"], entries.Select(e => e.Method));
        Assert.Equal(["note-1", "note-1", "note-2", "note-1", "note-2", "note-2"], entries.Select(e => e.RecordId));
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
        // Stored as EF Core stores them: the times of reads and writes compare as times (SQLite keeps them as text).
        Assert.Equal(entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).Select(e => e.Sequence),
            await check.AuditEntries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(6, await check.AuditEntries.CountAsync(e => e.OccurredAt >= entries[0].OccurredAt && e.PractitionerSource == entries[0].PractitionerSource));
        var storedTimes = await check.Database.SqlQueryRaw<string>("SELECT CAST(\"OccurredAt\" AS TEXT) AS \"Value\" FROM \"AuditEntries\"").ToListAsync();
        Assert.Single(storedTimes.Select(time => Regex.Replace(Regex.Replace(time, @"\d", "9"), @"\.9+", "")).Distinct());
        // No read's context is left holding entries, its own or another call's.
        Assert.All(_contexts.Where(db => db.Notes.Local.Count == 0), db => Assert.Empty(db.AuditEntries.Local));
    }

    [SkippableFact]
    public async Task Reads_whose_entries_cannot_be_written_all_fail_and_the_chain_goes_on_without_them()
    {
        Task first;
        List<Task> reads;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(1, "first", out _);
            await UntilTheFirstSaveIsCommittingAsync();
            // A practitioner's name longer than its column: where the database enforces it, the shared write fails.
            reads = [ReadNote(1), ReadNote(1, practitionerName: new string('x', 100_000))];
        }

        await first;
        var outcomes = await Task.WhenAll(reads.Select(async read =>
        {
            try
            {
                await read;
                return "written";
            }
            catch (DbUpdateException)
            {
                return "failed";
            }
        }));
        // SQLite does not enforce lengths (the services' request limits do): there both are written.
        var enforced = Database.Provider == DatabaseProvider.PostgreSql;
        Assert.Equal(enforced ? ["failed", "failed"] : ["written", "written"], outcomes);
        await using var check = Database.Open();
        Assert.Equal(enforced ? 1 : 3, await check.AuditEntries.CountAsync());
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
        await SaveNote(2, "after", out _);
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [SkippableFact]
    public async Task A_record_changed_in_place_is_saved_in_a_shared_commit()
    {
        await SaveNote(1, "as first written", out _);
        var changing = Database.Open();
        _contexts.Add(changing);
        var note = await changing.Notes.SingleAsync(n => n.Id == 1);

        Task first, changed;
        await using (await Database.HoldWriteLockAsync())
        {
            first = SaveNote(2, "second", out _);
            await UntilTheFirstSaveIsCommittingAsync();
            // Nothing added: only detecting the tracked note's changes finds that there is something to save.
            note.Text = "corrected";
            var call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/CorrectNote", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
            call.Touch("child-1", "note-1");
            changed = new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(changing, CancellationToken.None);
        }

        await Task.WhenAll(first, changed);

        await using var check = Database.Open();
        Assert.Equal(["corrected", "second"], await check.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
        Assert.Equal(["/test/SaveNote", "/test/SaveNote", "/test/CorrectNote"], await check.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Method).ToListAsync());
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [SkippableFact]
    public async Task A_call_that_touched_many_records_has_an_entry_for_each_in_the_order_touched()
    {
        // More than one statement's worth of rows on either database.
        const int Records = 250;
        var db = Database.Open();
        _contexts.Add(db);
        var call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/ListNotes", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
        foreach (var id in Enumerable.Range(1, Records))
        {
            call.Touch("child-" + id, "note-" + id);
        }

        await new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).AppendAsync(db, "OK", CancellationToken.None);

        await using var check = Database.Open();
        Assert.Equal(Enumerable.Range(1, Records).Select(id => "note-" + id), await check.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.RecordId).ToListAsync());
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    [SkippableFact]
    public async Task A_save_after_the_server_closed_the_commits_connection_is_saved_on_a_new_one()
    {
        Skip.If(Database.Provider != DatabaseProvider.PostgreSql, "Only a server closes connections: a restart, an idle session timeout.");
        await SaveNote(1, "before", out _);

        await using (var admin = Database.Open())
        {
            // Every other session of this database, the group commit's kept connection among them.
            var ended = await admin.Database.SqlQueryRaw<bool>(
                "SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").ToListAsync();
            Assert.Contains(true, ended);
        }

        await SaveNote(2, "after", out var after);

        Assert.True(after.Persisted);
        await using var check = Database.Open();
        Assert.Equal(["before", "after"], await check.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
    }

    /// <summary>
    /// The first save is taken into a commit, which waits for the held lock: what is saved from now on
    /// waits for the next commit. Waiting for the writer to close its batch, not for a fixed time nor
    /// for an empty queue (empty while the writer is still taking), keeps this true on a loaded machine.
    /// </summary>
    private async Task UntilTheFirstSaveIsCommittingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_commits.BatchesTaken == 0)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private Task ReadNote(int id, string practitionerName = "")
    {
        var db = Database.Open();
        _contexts.Add(db);
        var call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/ReadNote", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
        if (practitionerName.Length > 0)
        {
            call.Practitioner = new Practitioner("p-1", practitionerName, "Social worker", Mash.Contracts.Common.V1.PractitionerSource.DelegatedToken);
        }

        call.Touch("child-" + id, "note-" + id);
        return new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).AppendAsync(db, "OK", CancellationToken.None);
    }

    private Task SaveNote(int id, string text, out CallAudit call, bool failBeforeSending = false, CancellationToken cancellationToken = default)
    {
        var db = Database.Open();
        _contexts.Add(db);
        db.Notes.Add(new CaseNote { Id = id, Text = text });
        if (failBeforeSending)
        {
            // DbContext.SavingChanges runs before every interceptor, the one that sends the save's statements among them.
            db.SavingChanges += (_, _) => throw new InvalidOperationException("refused before sending");
        }

        call = new CallAudit { Caller = new CallerIdentity("police", "police-app"), Method = "/test/SaveNote", Purpose = "Test", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };
        call.Touch("child-" + id, "note-" + id);
        return new AuditTrail(_commits, call, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), []).SaveChangesWithAuditAsync(db, cancellationToken);
    }
}
