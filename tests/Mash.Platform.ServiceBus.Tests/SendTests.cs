using System.Text;
using Azure.Messaging.ServiceBus;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Moq;

namespace Mash.Platform.ServiceBus.Tests;

public sealed class SendTests
{
    private readonly Mock<ServiceBusClient> _client = new();
    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _stores = [];
    private readonly List<(string Topic, List<ServiceBusMessage> Messages)> _sent = [];
    private int _batchCapacity = int.MaxValue;

    public SendTests() =>
        _client.Setup(client => client.CreateSender(It.IsAny<string>())).Returns((string topic) => NewSender(topic).Object);

    [Fact]
    public async Task A_message_carries_the_event_id_child_session_type_origin_and_body()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await transport.SendAsync([Fakes.Message("event-1", session: "child-key-9", body: "payload")], CancellationToken.None);

        var (topic, messages) = Assert.Single(_sent);
        Assert.Equal("cse-flags", topic);
        var message = Assert.Single(messages);
        Assert.Equal("event-1", message.MessageId);
        Assert.Equal("child-key-9", message.SessionId);
        Assert.Equal("mash.events.v1.CseFlagRaised", message.Subject);
        Assert.Equal("application/x-protobuf", message.ContentType);
        Assert.Equal("police-node-1", message.ApplicationProperties["mash-origin-node"]);
        Assert.Equal("mash.events.v1.CseFlagRaised", message.ApplicationProperties["mash-type"]);
        Assert.Equal("payload", Encoding.UTF8.GetString(message.Body.ToArray()));
    }

    [Fact]
    public async Task A_message_whose_event_was_raised_in_a_trace_carries_it_as_the_diagnostic_id()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        var traced = new EventEnvelope { EventId = "event-1", TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
        var untraced = new EventEnvelope { EventId = "event-2" };

        await transport.SendAsync(
            [Fakes.Message("event-1") with { Body = traced.ToByteArray() }, Fakes.Message("event-2") with { Body = untraced.ToByteArray() }],
            CancellationToken.None);

        var messages = Assert.Single(_sent).Messages;
        Assert.Equal(traced.TraceParent, messages[0].ApplicationProperties["Diagnostic-Id"]);
        Assert.False(messages[1].ApplicationProperties.ContainsKey("Diagnostic-Id"));
    }

    [Fact]
    public async Task An_event_for_one_node_carries_it_for_subscription_rules_and_others_carry_none()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        var addressed = new EventEnvelope { EventId = "event-1", DestinationNode = "local-social-care" };
        var broadcast = new EventEnvelope { EventId = "event-2" };

        await transport.SendAsync(
            [Fakes.Message("event-1") with { Body = addressed.ToByteArray() }, Fakes.Message("event-2") with { Body = broadcast.ToByteArray() }],
            CancellationToken.None);

        var messages = Assert.Single(_sent).Messages;
        Assert.Equal("local-social-care", messages[0].ApplicationProperties["mash-destination-node"]);
        Assert.False(messages[1].ApplicationProperties.ContainsKey("mash-destination-node"));
    }

    [Fact]
    public async Task A_batch_of_a_nodes_child_records_carries_its_events_address_for_subscription_rules()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        var batch = new EventBatch
        {
            Events =
            {
                new EventEnvelope { EventId = "event-1", DestinationNode = "local-police" },
                new EventEnvelope { EventId = "event-2", DestinationNode = "local-police" },
            },
        };

        await transport.SendAsync(
            [Fakes.Message("batch-1") with { Type = EventBatches.MessageType, Body = batch.ToByteArray() }], CancellationToken.None);

        var message = Assert.Single(Assert.Single(_sent).Messages);
        Assert.Equal(EventBatches.MessageType, message.ApplicationProperties["mash-type"]);
        Assert.Equal("local-police", message.ApplicationProperties["mash-destination-node"]);
    }

    [Fact]
    public async Task A_receipt_for_one_service_carries_it_for_subscription_rules_and_others_carry_none()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        var receipt = new EventEnvelope { EventId = "event-1", DestinationNode = "police", DestinationService = "strategy" };
        var toTheNode = new EventEnvelope { EventId = "event-2", DestinationNode = "police" };

        await transport.SendAsync(
            [Fakes.Message("event-1") with { Body = receipt.ToByteArray() }, Fakes.Message("event-2") with { Body = toTheNode.ToByteArray() }],
            CancellationToken.None);

        var messages = Assert.Single(_sent).Messages;
        Assert.Equal("strategy", messages[0].ApplicationProperties["mash-destination-service"]);
        Assert.False(messages[1].ApplicationProperties.ContainsKey("mash-destination-service"));
    }

    [Fact]
    public async Task Each_topic_gets_one_sender_created_once()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await transport.SendAsync([Fakes.Message("a-1"), Fakes.Message("b-1", topic: "referrals")], CancellationToken.None);
        await transport.SendAsync([Fakes.Message("a-2"), Fakes.Message("b-2", topic: "referrals")], CancellationToken.None);

        _client.Verify(client => client.CreateSender("cse-flags"), Times.Once);
        _client.Verify(client => client.CreateSender("referrals"), Times.Once);
        Assert.Equal(["a-1", "a-2"], SentIds("cse-flags"));
        Assert.Equal(["b-1", "b-2"], SentIds("referrals"));
    }

    [Fact]
    public async Task Concurrent_first_sends_to_a_topic_still_create_one_sender()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => transport.SendAsync([Fakes.Message($"e-{i}")], CancellationToken.None))));

        _client.Verify(client => client.CreateSender("cse-flags"), Times.Once);
        Assert.Equal(8, SentIds("cse-flags").Count);
    }

    [Fact]
    public async Task Order_within_a_topic_is_kept_across_full_batches()
    {
        _batchCapacity = 2;
        await using var transport = new ServiceBusTransport(_client.Object);

        await transport.SendAsync(
            [Fakes.Message("1"), Fakes.Message("x", topic: "risk-changes"), Fakes.Message("2"), Fakes.Message("3"), Fakes.Message("4"), Fakes.Message("5")],
            CancellationToken.None);

        var batches = _sent.Where(sent => sent.Topic == "cse-flags").Select(sent => sent.Messages.Select(m => m.MessageId).ToList()).ToList();
        Assert.Equal([["1", "2"], ["3", "4"], ["5"]], batches);
        Assert.Equal(["x"], SentIds("risk-changes"));
    }

    [Fact]
    public async Task A_message_too_large_for_an_empty_batch_is_a_clear_error_and_nothing_is_sent()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        _batchCapacity = 1;
        var huge = Fakes.Message("too-big", body: new string('x', 300));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            transport.SendAsync([Fakes.Message("small"), huge], CancellationToken.None));

        Assert.Contains("too-big", error.Message, StringComparison.Ordinal);
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_message_without_a_session_is_refused()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            transport.SendAsync([Fakes.Message("no-session", session: "")], CancellationToken.None));
        Assert.Empty(_sent);
    }

    private List<string> SentIds(string topic) =>
        [.. _sent.Where(sent => sent.Topic == topic).SelectMany(sent => sent.Messages).Select(message => message.MessageId)];

    private Mock<ServiceBusSender> NewSender(string topic)
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            var store = new List<ServiceBusMessage>();
            // Stands in for the broker's size limit: a batch holds _batchCapacity messages of
            // under 100 bytes of body, and none larger.
            var batch = ServiceBusModelFactory.ServiceBusMessageBatch(
                0, store, new CreateMessageBatchOptions { MaxSizeInBytes = 256 },
                message => store.Count < _batchCapacity && message.Body.ToMemory().Length < 100);
            lock (_stores)
            {
                _stores[batch] = store;
            }
            return new ValueTask<ServiceBusMessageBatch>(batch);
        });
        sender.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
            .Returns((ServiceBusMessageBatch batch, CancellationToken _) =>
            {
                lock (_stores)
                {
                    _sent.Add((topic, [.. _stores[batch]]));
                }
                return Task.CompletedTask;
            });
        return sender;
    }
}
