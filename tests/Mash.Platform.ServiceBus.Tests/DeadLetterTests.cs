using System.Text;
using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Moq;

namespace Mash.Platform.ServiceBus.Tests;

public sealed class DeadLetterTests
{
    private static readonly Subscription Subscription = new("cse-flags", "assessment-social-care");

    private readonly Mock<ServiceBusClient> _client = new();
    private readonly Mock<ServiceBusReceiver> _receiver = new();
    private readonly Mock<ServiceBusSender> _sender = new();
    private readonly List<ServiceBusReceiverOptions> _receiverOptions = [];
    private readonly List<ServiceBusMessage> _resent = [];

    public DeadLetterTests()
    {
        _client.Setup(client => client.CreateReceiver("cse-flags", "assessment-social-care", It.IsAny<ServiceBusReceiverOptions>()))
            .Returns((string _, string _, ServiceBusReceiverOptions options) =>
            {
                _receiverOptions.Add(options);
                return _receiver.Object;
            });
        _client.Setup(client => client.CreateSender("cse-flags")).Returns(_sender.Object);
        _sender.Setup(sender => sender.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusMessage message, CancellationToken _) => _resent.Add(message))
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task List_peeks_the_dead_letter_queue_and_maps_reasons()
    {
        var enqueued = new DateTimeOffset(2025, 11, 3, 9, 30, 0, TimeSpan.Zero);
        _receiver.SetupSequence(receiver => receiver.PeekMessagesAsync(It.IsAny<int>(), It.IsAny<long?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([
                DeadLettered("event-1", "MaxDeliveryCountExceeded", "Message could not be consumed after 10 delivery attempts.", 10, 5, enqueued),
                DeadLettered("event-2", "SchemaInvalid", "missing child key", 1, 6, enqueued),
            ])
            .ReturnsAsync([DeadLettered("event-3", "SchemaInvalid", "", 2, 9, enqueued)])
            .ReturnsAsync([]);
        await using var transport = new ServiceBusTransport(_client.Object);

        var letters = await transport.DeadLetters(Subscription).ListAsync(10, CancellationToken.None);

        Assert.Equal(SubQueue.DeadLetter, Assert.Single(_receiverOptions).SubQueue);
        Assert.Equal(["event-1", "event-2", "event-3"], letters.Select(letter => letter.Message.MessageId));
        var first = letters[0];
        Assert.Equal("MaxDeliveryCountExceeded", first.Reason);
        Assert.Equal("Message could not be consumed after 10 delivery attempts.", first.Description);
        Assert.Equal(10, first.DeliveryCount);
        Assert.Equal(enqueued, first.DeadLetteredAt);
        Assert.Equal("child-key-1", first.Message.SessionId);
        Assert.Equal("cse-flags", first.Message.Topic);
        Assert.Equal("mash.events.v1.CseFlagRaised", first.Message.Type);
        // Paged on from after the last sequence number seen, asking only for what is still wanted.
        _receiver.Verify(receiver => receiver.PeekMessagesAsync(10, null, It.IsAny<CancellationToken>()));
        _receiver.Verify(receiver => receiver.PeekMessagesAsync(8, 7, It.IsAny<CancellationToken>()));
        _receiver.Verify(receiver => receiver.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task List_stops_at_max_count()
    {
        _receiver.Setup(receiver => receiver.PeekMessagesAsync(It.IsAny<int>(), It.IsAny<long?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([DeadLettered("event-1", "r", "d", 1, 1, default)]);
        await using var transport = new ServiceBusTransport(_client.Object);

        var letters = await transport.DeadLetters(Subscription).ListAsync(1, CancellationToken.None);

        Assert.Single(letters);
        _receiver.Verify(receiver => receiver.PeekMessagesAsync(It.IsAny<int>(), It.IsAny<long?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Replay_resends_under_a_new_id_with_the_same_body_and_session_and_completes_the_dead_letter()
    {
        var other = DeadLettered("event-0", "r", "d", 1, 1, default);
        var target = DeadLettered("event-1", "SchemaInvalid", "d", 4, 2, default, body: "original-envelope");
        _receiver.SetupSequence(receiver => receiver.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([other, target])
            .ReturnsAsync([]);
        await using var transport = new ServiceBusTransport(_client.Object);

        var replayed = await transport.DeadLetters(Subscription).ReplayAsync("event-1", CancellationToken.None);

        Assert.True(replayed);
        var copy = Assert.Single(_resent);
        Assert.NotEqual("event-1", copy.MessageId);
        Assert.StartsWith("event-1:replay:", copy.MessageId, StringComparison.Ordinal);
        Assert.Equal("original-envelope", Encoding.UTF8.GetString(copy.Body.ToArray()));
        Assert.Equal("child-key-1", copy.SessionId);
        Assert.Equal("mash.events.v1.CseFlagRaised", copy.Subject);
        Assert.Equal("application/x-protobuf", copy.ContentType);
        Assert.Equal("police-node-1", copy.ApplicationProperties["mash-origin-node"]);
        Assert.Equal("assessment-social-care", copy.ApplicationProperties["mash-replay-for"]);
        Assert.Equal("event-1", copy.ApplicationProperties["mash-replay-of"]);
        // The broker's dead-letter annotations stay behind.
        Assert.False(copy.ApplicationProperties.ContainsKey("DeadLetterReason"));
        _receiver.Verify(receiver => receiver.CompleteMessageAsync(target, It.IsAny<CancellationToken>()), Times.Once);
        _receiver.Verify(receiver => receiver.CompleteMessageAsync(other, It.IsAny<CancellationToken>()), Times.Never);
        Assert.Same(other, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync))[0]);
        Assert.Equal(SubQueue.DeadLetter, Assert.Single(_receiverOptions).SubQueue);
    }

    [Fact]
    public async Task A_replayed_copy_is_received_under_its_original_event_id()
    {
        var copy = DeadLettered("event-1:replay:abc", "r", "d", 1, 1, default, replayOf: "event-1");
        _receiver.SetupSequence(receiver => receiver.PeekMessagesAsync(It.IsAny<int>(), It.IsAny<long?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([copy])
            .ReturnsAsync([]);
        await using var transport = new ServiceBusTransport(_client.Object);

        var letter = Assert.Single(await transport.DeadLetters(Subscription).ListAsync(10, CancellationToken.None));

        Assert.Equal("event-1", letter.Message.MessageId);
    }

    [Fact]
    public async Task Replay_of_an_unknown_id_is_false_and_releases_what_it_looked_at()
    {
        var other = DeadLettered("event-0", "r", "d", 1, 1, default);
        _receiver.SetupSequence(receiver => receiver.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([other])
            .ReturnsAsync([]);
        await using var transport = new ServiceBusTransport(_client.Object);

        var replayed = await transport.DeadLetters(Subscription).ReplayAsync("no-such-event", CancellationToken.None);

        Assert.False(replayed);
        Assert.Empty(_resent);
        Assert.Same(other, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync))[0]);
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.CompleteMessageAsync)));
    }

    [Fact]
    public async Task Replay_looks_at_no_more_than_the_scan_limit()
    {
        var sequence = 0L;
        _receiver.Setup(receiver => receiver.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((int max, TimeSpan? _, CancellationToken _) =>
                [.. Enumerable.Range(0, max).Select(_ => DeadLettered($"event-{++sequence}", "r", "d", 1, sequence, default))]);
        await using var transport = new ServiceBusTransport(_client.Object, new ServiceBusTransportOptions { ReplayScanLimit = 150 });

        var replayed = await transport.DeadLetters(Subscription).ReplayAsync("never", CancellationToken.None);

        Assert.False(replayed);
        Assert.Equal(150, sequence);
        Assert.Equal(150, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync)));
    }

    private static ServiceBusReceivedMessage DeadLettered(
        string messageId, string reason, string description, int deliveryCount, long sequenceNumber, DateTimeOffset enqueued,
        string body = "envelope", string? replayOf = null)
    {
        // Service Bus carries the dead-letter reason and description as application properties.
        var properties = new Dictionary<string, object>
        {
            ["DeadLetterReason"] = reason,
            ["DeadLetterErrorDescription"] = description,
        };
        if (replayOf is not null)
        {
            properties["mash-replay-of"] = replayOf;
        }
        return Fakes.Received(messageId, body: body, deliveryCount: deliveryCount, sequenceNumber: sequenceNumber,
            extraProperties: properties, enqueuedTime: enqueued);
    }
}
