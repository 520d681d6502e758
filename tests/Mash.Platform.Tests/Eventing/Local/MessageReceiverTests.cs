using System.Diagnostics;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using Microsoft.Data.Sqlite;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

/// <summary>Claims: an idle poll reads before it writes; a claim after a busy one goes straight to the write.</summary>
public sealed class MessageReceiverTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 15_000)]
    public async Task An_idle_poll_never_waits_for_the_write_lock_and_a_claim_expecting_work_still_finds_only_what_is_there()
    {
        var file = _temp.File("broker.db");
        await using (var transport = Open(file))
        {
            await transport.EnsureSubscriptionAsync(Subscription());
        }

        using var pool = new SqlitePool(file, TimeSpan.FromSeconds(5));
        var subscriptionId = new SubscriptionCatalog(pool, TimeProvider.System).Find(Subscription())!.Value;
        var receiver = new MessageReceiver(pool, TimeProvider.System);

        await using (var holder = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // Another process is writing: an idle processor's poll must not queue behind it.
            holder.Open();
            using var busy = holder.BeginTransaction(deferred: false);
            var clock = Stopwatch.StartNew();
            Assert.Empty(receiver.Claim(subscriptionId, Topic, 8, [], new ProcessorOptions()).Claimed);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the idle poll waited {clock.Elapsed} for the write lock");
            busy.Rollback();
        }

        Assert.Empty(receiver.Claim(subscriptionId, Topic, 8, [], new ProcessorOptions(), likelyReady: true).Claimed);
        await using (var transport = Open(file))
        {
            await transport.SendAsync([Message("event-1")], CancellationToken.None);
        }

        var claimed = Assert.Single(receiver.Claim(subscriptionId, Topic, 8, [], new ProcessorOptions(), likelyReady: true).Claimed);
        Assert.Equal("event-1", claimed.Message.MessageId);
    }
}
