using System.Diagnostics;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

public sealed class LocalTransportDeliveryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 15_000)]
    public async Task A_sent_message_is_delivered_once_with_every_field_intact()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        var sent = Message("event-1", session: "child-42");
        await transport.SendAsync([sent], CancellationToken.None);

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(Subscription(), seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the delivery");
        await Task.Delay(300); // Room for a wrong second delivery to show up.

        var delivered = Assert.Single(seen.All);
        Assert.Equal(1, delivered.DeliveryCount);
        Assert.Equal(sent.MessageId, delivered.Message.MessageId);
        Assert.Equal(sent.Topic, delivered.Message.Topic);
        Assert.Equal(sent.SessionId, delivered.Message.SessionId);
        Assert.Equal(sent.Type, delivered.Message.Type);
        Assert.Equal(sent.OriginNode, delivered.Message.OriginNode);
        Assert.Equal(sent.Body.ToArray(), delivered.Message.Body.ToArray());
        Assert.Empty(await transport.DeadLetters(Subscription()).ListAsync(10, CancellationToken.None));
    }

    [Fact(Timeout = 15_000)]
    public async Task A_sent_message_survives_closing_the_transport()
    {
        var file = _temp.File("broker.db");
        await using (var first = Open(file))
        {
            await first.EnsureSubscriptionAsync(Subscription());
            await first.SendAsync([Message("event-1")], CancellationToken.None);
        }

        await using var second = Open(file);
        var seen = new Deliveries();
        await using var processor = second.CreateProcessor(Subscription(), seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the delivery after reopening");
        Assert.Equal(["event-1"], seen.Ids());
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_is_copied_to_the_subscriptions_that_exist_when_it_is_sent()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription("first"));
        await transport.EnsureSubscriptionAsync(Subscription("second"));
        await transport.SendAsync([Message("before")], CancellationToken.None);
        await transport.EnsureSubscriptionAsync(Subscription("late"));
        await transport.SendAsync([Message("after")], CancellationToken.None);

        var seen = new Dictionary<string, Deliveries> { ["first"] = new(), ["second"] = new(), ["late"] = new() };
        var processors = seen.Select(s => transport.CreateProcessor(Subscription(s.Key), s.Value.Completing, new ProcessorOptions())).ToList();
        foreach (var processor in processors)
        {
            await processor.StartAsync(CancellationToken.None);
        }

        await WaitUntil(() => seen["first"].Count == 2 && seen["second"].Count == 2 && seen["late"].Count == 1, "every copy");
        await Task.Delay(200);
        Assert.Equal(["before", "after"], seen["first"].Ids());
        Assert.Equal(["before", "after"], seen["second"].Ids());
        Assert.Equal(["after"], seen["late"].Ids());
        foreach (var processor in processors)
        {
            await StopQuickly(processor);
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_addressed_to_nodes_is_copied_only_to_their_subscriptions_and_to_those_without_a_node()
    {
        await using var transport = Open(_temp.File("broker.db"));
        Subscription[] subscriptions =
        [
            Subscription("assessment-node-a") with { Node = "node-a" },
            Subscription("assessment-node-b") with { Node = "node-b" },
            Subscription("assessment-node-c") with { Node = "node-c" },
            Subscription("undeclared"),
        ];
        var seen = await CopiesSeenAsync(transport, subscriptions, copies: 9,
        [
            Message("to-b") with { Nodes = ["node-b"] },
            Message("to-a-and-c") with { Nodes = ["node-a", "node-c"] },
            Message("to-all"),
        ]);

        Assert.Equal(["to-a-and-c", "to-all"], seen["assessment-node-a"].Ids());
        Assert.Equal(["to-b", "to-all"], seen["assessment-node-b"].Ids());
        Assert.Equal(["to-a-and-c", "to-all"], seen["assessment-node-c"].Ids());
        Assert.Equal(["to-b", "to-a-and-c", "to-all"], seen["undeclared"].Ids());
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_for_one_service_or_from_an_origin_a_subscription_leaves_unapplied_is_not_copied_to_it()
    {
        await using var transport = Open(_temp.File("broker.db"));
        Subscription[] subscriptions =
        [
            // Message() comes from node-a.
            Subscription("assessment-node-b") with { Node = "node-b", Service = "assessment", Origin = SubscriptionOrigin.OtherNodes },
            Subscription("offender-node-b") with { Node = "node-b", Service = "offender", Origin = SubscriptionOrigin.OtherNodes },
            Subscription("assessment-node-a") with { Node = "node-a", Service = "assessment", Origin = SubscriptionOrigin.OtherNodes },
            Subscription("referral-node-a") with { Node = "node-a", Service = "referral", Origin = SubscriptionOrigin.ThisNode },
            Subscription("investigation-node-a") with { Node = "node-a", Service = "investigation" },
            Subscription("undeclared"),
        ];
        var seen = await CopiesSeenAsync(transport, subscriptions, copies: 7,
        [
            Message("for-assessment") with { Service = "assessment" },
            Message("for-everyone"),
        ]);

        Assert.Equal(["for-assessment", "for-everyone"], seen["assessment-node-b"].Ids());
        Assert.Equal(["for-everyone"], seen["offender-node-b"].Ids());
        // Its own node's messages, which it leaves unapplied: none.
        Assert.Empty(seen["assessment-node-a"].Ids());
        Assert.Equal(["for-everyone"], seen["referral-node-a"].Ids());
        Assert.Equal(["for-everyone"], seen["investigation-node-a"].Ids());
        Assert.Equal(["for-assessment", "for-everyone"], seen["undeclared"].Ids());
    }

    /// <summary>Declares the subscriptions, sends the messages, and returns what each subscription received once all the copies are in.</summary>
    private static async Task<Dictionary<string, Deliveries>> CopiesSeenAsync(
        LocalFileTransport transport, Subscription[] subscriptions, int copies, TransportMessage[] messages)
    {
        foreach (var subscription in subscriptions)
        {
            await transport.EnsureSubscriptionAsync(subscription);
        }

        await transport.SendAsync(messages, CancellationToken.None);
        var seen = subscriptions.ToDictionary(s => s.Name, _ => new Deliveries());
        var processors = subscriptions.Select(s => transport.CreateProcessor(s, seen[s.Name].Completing, new ProcessorOptions())).ToList();
        foreach (var processor in processors)
        {
            await processor.StartAsync(CancellationToken.None);
        }

        await WaitUntil(() => seen.Values.Sum(d => d.Count) == copies, "every copy");
        // Long enough for a copy too many to show.
        await Task.Delay(200);
        foreach (var processor in processors)
        {
            await StopQuickly(processor);
        }

        return seen;
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_id_sent_twice_to_a_topic_is_dropped_but_not_on_another_topic()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        await transport.EnsureSubscriptionAsync(Subscription(topic: OtherTopic));
        await transport.SendAsync([Message("event-1"), Message("event-1")], CancellationToken.None);
        await transport.SendAsync([Message("event-1"), Message("event-2")], CancellationToken.None);
        await transport.SendAsync([Message("event-1", topic: OtherTopic)], CancellationToken.None);

        var referrals = new Deliveries();
        var flags = new Deliveries();
        await using var first = transport.CreateProcessor(Subscription(), referrals.Completing, new ProcessorOptions());
        await using var second = transport.CreateProcessor(Subscription(topic: OtherTopic), flags.Completing, new ProcessorOptions());
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        await WaitUntil(() => referrals.Count == 2 && flags.Count == 1, "the distinct messages");
        await Task.Delay(300);
        Assert.Equal(["event-1", "event-2"], referrals.Ids());
        Assert.Equal(["event-1"], flags.Ids());
    }

    [Theory(Timeout = 15_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_idle_processor_sees_a_new_message_promptly(bool fromAnotherInstance)
    {
        var file = _temp.File("broker.db");
        await using var receiving = Open(file, idleAfter: TimeSpan.FromMilliseconds(100));
        await using var sending = fromAnotherInstance ? Open(file) : null;
        var seen = new Deliveries();
        await using var processor = receiving.CreateProcessor(Subscription(), seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await Task.Delay(400); // Idle: polling has backed off.

        var clock = Stopwatch.StartNew();
        await (sending ?? receiving).SendAsync([Message("event-1")], CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the delivery", TimeSpan.FromSeconds(2));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds} ms");
    }
}
