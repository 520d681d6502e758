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
            var count = connection.Command(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('subscriptions', 'sent_ids', 'messages', 'sessions', 'dead_letters')");
            return (Pragma("journal_mode"), Pragma("synchronous"), Pragma("busy_timeout"), (long)count.ExecuteScalar()!);
        });

        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous); // FULL
        Assert.Equal("5000", busyTimeout);
        Assert.Equal(5, tables);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_broker_file_of_version_1_is_upgraded_and_its_subscription_learns_its_node_when_declared_again()
    {
        var file = _temp.File("broker.db");
        using (var v1 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            v1.Open();
            using var create = v1.CreateCommand();
            create.CommandText = """
                CREATE TABLE subscriptions (id INTEGER PRIMARY KEY, topic TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (topic, name));
                INSERT INTO subscriptions (topic, name, created_at) VALUES ('referrals', 'assessment-node-a', 0), ('referrals', 'assessment-node-b', 0);
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        await using var transport = Open(file);
        await transport.SendAsync([Message("before-declared") with { Nodes = ["node-b"] }], CancellationToken.None);
        await transport.EnsureSubscriptionAsync(Subscription("assessment-node-a") with { Node = "node-a" });
        await transport.SendAsync([Message("after-declared") with { Nodes = ["node-b"] }], CancellationToken.None);

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(Subscription("assessment-node-a") with { Node = "node-a" }, seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the copy sent before the subscription named its node");
        await Task.Delay(300);
        Assert.Equal(["before-declared"], seen.Ids());
        await StopQuickly(processor);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_subscription_declared_again_with_more_origins_gets_their_messages_from_then_on()
    {
        // A new version of the service applies its own node's messages too (Message() comes from node-a).
        await using var transport = Open(_temp.File("broker.db"));
        var partnersOnly = Subscription("investigation-node-a") with { Node = "node-a", Service = "investigation", Origin = SubscriptionOrigin.OtherNodes };
        await transport.EnsureSubscriptionAsync(partnersOnly);
        await transport.SendAsync([Message("while-partners-only")], CancellationToken.None);
        var everyOrigin = partnersOnly with { Origin = SubscriptionOrigin.AnyNode };
        await transport.EnsureSubscriptionAsync(everyOrigin);
        // A caller that does not speak for the service (a dead-letter reader) changes nothing.
        await transport.EnsureSubscriptionAsync(Subscription("investigation-node-a"));
        await transport.SendAsync([Message("after-every-origin")], CancellationToken.None);

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(everyOrigin, seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the message sent once every origin was declared");
        await Task.Delay(300);
        Assert.Equal(["after-every-origin"], seen.Ids());
        await StopQuickly(processor);
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

    [Fact]
    public void A_connection_compiles_each_statement_once_and_binds_new_values_at_every_run()
    {
        using var pool = new SqlitePool(_temp.File("broker.db"), TimeSpan.FromSeconds(5));
        var (rows, prepared, preparedAfterRepeats) = pool.Read(connection =>
        {
            connection.Run("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            var before = Sql.PreparedCount(connection);
            for (var i = 1; i <= 3; i++)
            {
                connection.Run("INSERT INTO notes (id, text) VALUES ($id, $text)", ("$id", i), ("$text", i == 2 ? null : $"note {i}"));
            }

            var afterInserts = Sql.PreparedCount(connection);
            var read = new List<string>();
            for (var i = 1; i <= 3; i++)
            {
                using var reader = connection.Command("SELECT COALESCE(text, '(none)') FROM notes WHERE id = $id", ("$id", i)).ExecuteReader();
                read.Add(reader.Read() ? reader.GetString(0) : "missing");
            }

            return (read, afterInserts - before, Sql.PreparedCount(connection) - before);
        });

        // Each run saw its own values, null included, from one compiled statement per text.
        Assert.Equal(["note 1", "(none)", "note 3"], rows);
        Assert.Equal(1, prepared);
        Assert.Equal(2, preparedAfterRepeats);
    }
}
