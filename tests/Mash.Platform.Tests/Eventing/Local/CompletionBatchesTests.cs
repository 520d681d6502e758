using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

/// <summary>Completions that wait together are written in one transaction; each still answers for its own lock.</summary>
public sealed class CompletionBatchesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 15_000)]
    public async Task Completions_waiting_together_share_one_transaction_and_a_lost_lock_fails_alone()
    {
        var file = _temp.File("broker.db");
        await using (var transport = Open(file))
        {
            await transport.EnsureSubscriptionAsync(Subscription());
            await transport.SendAsync([.. Enumerable.Range(1, 8).Select(i => Message($"event-{i}", session: $"child-{i}"))], CancellationToken.None);
        }

        using var pool = new SqlitePool(file, TimeSpan.FromSeconds(5));
        var subscriptionId = new SubscriptionCatalog(pool, TimeProvider.System).Find(Subscription())!.Value;
        var receiver = new MessageReceiver(pool, TimeProvider.System);
        var first = receiver.Claim(subscriptionId, Topic, 8, [], new ProcessorOptions { LockDuration = TimeSpan.FromMilliseconds(1) }).Claimed;
        Assert.Equal(8, first.Count);
        await Task.Delay(20);
        // The oldest session's lock expired and its message went out again: the first delivery of it is stale.
        var again = Assert.Single(receiver.Claim(subscriptionId, Topic, 1, [], new ProcessorOptions()).Claimed);
        Assert.Equal("event-1", again.Message.MessageId);

        var completions = new CompletionBatches(pool);
        Task[] completing;
        await using (var holder = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // Another writer holds the file, so every completion is waiting when the first write starts.
            holder.Open();
            using var busy = holder.BeginTransaction(deferred: false);
            completing = [.. first.Select(c => Task.Run(() => completions.CompleteAsync(c.Delivery)))];
            // All of them, not a fixed time: on a loaded machine the pool may start the tasks late.
            while (completions.Received < first.Count)
            {
                await Task.Delay(10);
            }

            busy.Rollback();
        }

        var outcomes = await Task.WhenAll(completing.Select(t => Record.ExceptionAsync(() => t)));
        Assert.IsType<MessageLockLostException>(outcomes[0]);
        Assert.All(outcomes.Skip(1), Assert.Null);
        // The first caller's own, then the seven that waited for it: not one transaction each.
        Assert.True(completions.Transactions <= 2, $"{completions.Transactions} transactions for 8 completions");

        // The stale completion changed nothing: the redelivery still owns event-1 and completes it.
        await completions.CompleteAsync(again.Delivery);
        Assert.Empty(receiver.Claim(subscriptionId, Topic, 8, [], new ProcessorOptions()).Claimed);
    }
}
