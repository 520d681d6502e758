using Mash.Platform.Eventing.Transport;

namespace Mash.Assessment.Tests.Support;

/// <summary>
/// The broker boundary: records what the outbox relay sends and never delivers it by itself. The
/// consumer's handlers it was given are kept, so a test can deliver a message through the real
/// consumer path (inbox, origin filter, audit) and read how it was settled.
/// </summary>
internal sealed class FakeTransport : IMessageTransport
{
    private readonly List<TransportMessage> _sent = [];
    private readonly Dictionary<string, MessageHandler> _handlers = [];

    public IReadOnlyList<TransportMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.AddRange(messages);
        }

        return Task.CompletedTask;
    }

    public IMessageProcessor CreateProcessor(Subscription subscription, MessageHandler handler, ProcessorOptions options)
    {
        lock (_handlers)
        {
            _handlers[subscription.Topic] = handler;
        }

        return new IdleProcessor();
    }

    public IDeadLetterQueue DeadLetters(Subscription subscription) => throw new NotSupportedException();

    /// <summary>Hands one message to the consumer subscribed to its topic, as a broker would.</summary>
    public async Task<FakeDelivery> DeliverAsync(TransportMessage message, int deliveryCount = 1)
    {
        MessageHandler handler;
        lock (_handlers)
        {
            handler = _handlers.TryGetValue(message.Topic, out var h) ? h : throw new InvalidOperationException($"No subscription to '{message.Topic}'.");
        }

        var delivery = new FakeDelivery { Message = message, DeliveryCount = deliveryCount };
        await handler(delivery, CancellationToken.None);
        return delivery;
    }

    private sealed class IdleProcessor : IMessageProcessor
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A delivered message whose settlement the test reads.</summary>
internal sealed class FakeDelivery : ReceivedMessage
{
    public string Settlement { get; private set; } = "unsettled";
    public string DeadLetterReason { get; private set; } = "";

    public override Task CompleteAsync(CancellationToken cancellationToken) => Settle("completed");
    public override Task AbandonAsync(CancellationToken cancellationToken) => Settle("abandoned");

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
    {
        DeadLetterReason = reason;
        return Settle("dead-lettered");
    }

    private Task Settle(string how)
    {
        Assert.Equal("unsettled", Settlement);
        Settlement = how;
        return Task.CompletedTask;
    }
}
