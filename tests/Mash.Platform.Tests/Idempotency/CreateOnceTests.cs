using Grpc.Core;
using Mash.Platform.Idempotency;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Tests.Idempotency;

public sealed class CreateOnceSqliteTests() : CreateOnceTests(DatabaseProvider.Sqlite);

public sealed class CreateOncePostgreSqlTests() : CreateOnceTests(DatabaseProvider.PostgreSql);

/// <summary>
/// The one order every keyed command creates in, on a real database of each provider: a retry is
/// a replay, a concurrent retry that stored the key first is a replay too (never an error), and a
/// conflict that is not the key is the command's own refusal, else a request to retry.
/// The key here is the note's id, which its primary key keeps unique as a service's index would.
/// </summary>
public abstract class CreateOnceTests : IDisposable
{
    private readonly TestDatabase _database;

    protected CreateOnceTests(DatabaseProvider provider) => _database = TestDatabase.Create(provider);

    [SkippableFact]
    public async Task A_retry_is_answered_as_a_replay_and_nothing_is_created_twice()
    {
        var first = await RunAsync(key: 1, text: "first");
        var creates = 0;

        var retry = await RunAsync(key: 1, text: "first", onCreate: () => creates++);

        Assert.Equal("created first", first);
        Assert.Equal("replayed first", retry);
        Assert.Equal(0, creates);
        Assert.Equal(1, await CountAsync());
    }

    [SkippableFact]
    public async Task A_concurrent_retry_that_stored_the_key_first_is_a_replay_and_what_was_built_is_dropped()
    {
        var discarded = false;

        // Between this call's key lookup and its save, the winner stores the same key.
        var answer = await RunAsync(key: 2, text: "mine", beforeSave: () => StoreAsync(2, "winner"), discarded: () => discarded = true);

        Assert.Equal("replayed winner", answer);
        Assert.True(discarded);
        Assert.Equal(1, await CountAsync());
    }

    [SkippableFact]
    public async Task A_conflict_that_is_not_the_key_is_the_commands_refusal_or_else_a_request_to_retry_with_the_same_key()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => RunAsync(key: 3, text: "mine", beforeSave: () => StoreAsync(3, "other"),
            findByKey: () => Task.FromResult<CaseNote?>(null),
            refuse: () => throw new RpcException(new Status(StatusCode.FailedPrecondition, "one open per child"))));
        var unexplained = await Assert.ThrowsAsync<RpcException>(() => RunAsync(key: 4, text: "mine", beforeSave: () => StoreAsync(4, "other"),
            findByKey: () => Task.FromResult<CaseNote?>(null)));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(StatusCode.Unavailable, unexplained.StatusCode);
        Assert.Contains("retry with the same idempotency key", unexplained.Status.Detail, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> RunAsync(
        int key, string text, Action? onCreate = null, Func<Task>? beforeSave = null, Action? discarded = null,
        Func<Task<CaseNote?>>? findByKey = null, Func<Task>? refuse = null)
    {
        await using var db = _database.Open();
        return await new CreateOnce<CaseNote, string>(db, "note")
        {
            FindByKey = findByKey is null ? ct => db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == key, ct) : _ => findByKey(),
            Replay = (earlier, _) => Task.FromResult("replayed " + earlier.Text),
            Create = async ct =>
            {
                onCreate?.Invoke();
                db.Notes.Add(new CaseNote { Id = key, Text = text });
                if (beforeSave is not null)
                {
                    await beforeSave();
                }

                await db.SaveChangesAsync(ct);
                return "created " + text;
            },
            RefuseConflict = refuse is null ? null : _ => refuse(),
            Discarded = discarded,
        }.RunAsync(CancellationToken.None);
    }

    private async Task StoreAsync(int key, string text)
    {
        await using var other = _database.Open();
        other.Notes.Add(new CaseNote { Id = key, Text = text });
        await other.SaveChangesAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.Open();
        return await db.Notes.CountAsync();
    }
}
