using Mash.Platform.Eventing.Transport;

namespace Mash.Testing.Eventing;

/// <summary>
/// The broker boundary in memory: records what is sent and can be made to fail like a broker
/// that is down. It never delivers by itself; the handlers consumers subscribe are kept, so a
/// test delivers a message through the real consumer path (inbox, origin filter, audit) and
/// reads how it was settled. (The real transports have tests of their own.)
/// </summary>
public sealed class RecordingTransport : IMessageTransport
{
    private readonly List<TransportMessage> _sent = [];
    private readonly Dictionary<string, MessageHandler> _handlers = [];
    private readonly List<DeadLetter> _deadLetters = [];

    /// <summary>While true, every send fails as an unreachable broker's would.</summary>
    public bool Down { get; set; }
    public int SendAttempts { get; private set; }

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
            SendAttempts++;
            if (Down)
            {
                throw new InvalidOperationException("broker unreachable");
            }

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

    /// <summary>The messages the consumer dead-lettered on the subscription's topic; replay is not supported.</summary>
    public IDeadLetterQueue DeadLetters(Subscription subscription) => new RecordedDeadLetters(this, subscription.Topic);

    /// <summary>Hands one message to the consumer subscribed to its topic, as a broker would.</summary>
    public async Task<RecordedDelivery> DeliverAsync(TransportMessage message, int deliveryCount = 1)
    {
        MessageHandler handler;
        lock (_handlers)
        {
            handler = _handlers.TryGetValue(message.Topic, out var h) ? h : throw new InvalidOperationException($"No subscription to '{message.Topic}'.");
        }

        var delivery = new RecordedDelivery { Message = message, DeliveryCount = deliveryCount };
        await handler(delivery, CancellationToken.None);
        if (delivery.Settlement == "dead-lettered")
        {
            lock (_deadLetters)
            {
                _deadLetters.Add(new DeadLetter(message, delivery.DeadLetterReason, "", deliveryCount, DateTimeOffset.UtcNow));
            }
        }

        return delivery;
    }

    private sealed class RecordedDeadLetters(RecordingTransport transport, string topic) : IDeadLetterQueue
    {
        public Task<IReadOnlyList<DeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken)
        {
            lock (transport._deadLetters)
            {
                return Task.FromResult<IReadOnlyList<DeadLetter>>([.. transport._deadLetters.Where(d => d.Message.Topic == topic).Take(maxCount)]);
            }
        }

        public Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>Nothing to poll: messages arrive only through <see cref="DeliverAsync"/>.</summary>
    private sealed class IdleProcessor : IMessageProcessor
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
