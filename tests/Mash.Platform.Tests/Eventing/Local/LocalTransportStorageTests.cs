using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

public sealed class LocalTransportStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Connections_are_durable_and_wait_for_other_writers()
    {
        using var pool = new SqlitePool(_temp.File("broker.db"), TimeSpan.FromSeconds(5));
        var (journal, synchronous, busyTimeout, tables) = pool.Read(connection =>
        {
            string Pragma(string name) => Convert.ToString(connection.Command($"PRAGMA {name};").ExecuteScalar())!;
            using var count = connection.Command(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('subscriptions', 'sent_ids', 'messages', 'sessions', 'dead_letters')");
            return (Pragma("journal_mode"), Pragma("synchronous"), Pragma("busy_timeout"), (long)count.ExecuteScalar()!);
        });

        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous); // FULL
        Assert.Equal("5000", busyTimeout);
        Assert.Equal(5, tables);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_id_is_accepted_again_once_the_duplicate_window_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new LocalTransportOptions
        {
            Path = _temp.File("broker.db"),
            DuplicateDetectionWindow = TimeSpan.FromHours(1),
        };
        await using var transport = new LocalFileTransport(options, timeProvider: time);
        await transport.EnsureSubscriptionAsync(Subscription());
        await transport.SendAsync([Message("event-1", session: "child-1")], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(59));
        await transport.SendAsync([Message("event-1", session: "child-2")], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        await transport.SendAsync([Message("event-1", session: "child-3")], CancellationToken.None);

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(Subscription(), seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 2, "both accepted sends");
        await Task.Delay(200);
        Assert.Equal(["child-1", "child-3"], seen.All.Select(d => d.Message.SessionId).Order());
    }
}
