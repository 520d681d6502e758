namespace Mash.Platform.Eventing.Transport;

/// <summary>
/// A broker: Azure Service Bus in production, the local file transport on one machine.
/// Both give the same semantics: at-least-once delivery, duplicate detection by message id
/// (within the broker's detection window), sessions delivered one message at a time in order,
/// explicit settlement, redelivery after abandon or lock expiry, dead-lettering after
/// <see cref="ProcessorOptions.MaxDeliveryCount"/> deliveries. A broker may leave a message addressed to
/// some nodes (<see cref="TransportMessage.Nodes"/>) out of other nodes' subscriptions
/// (<see cref="Subscription.Node"/>); consumers still check the envelope's address themselves.
/// </summary>
public interface IMessageTransport
{
    /// <summary>Sends the messages; when this returns they are durable in the broker.</summary>
    Task SendAsync(IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken);

    /// <summary>A processor that delivers the subscription's messages to <paramref name="handler"/>.</summary>
    IMessageProcessor CreateProcessor(Subscription subscription, MessageHandler handler, ProcessorOptions options);

    IDeadLetterQueue DeadLetters(Subscription subscription);
}

/// <summary>
/// Handles one delivered message. It must settle it (complete, abandon or dead-letter); a
/// handler that throws without settling has its message abandoned, and redelivered.
/// </summary>
public delegate Task MessageHandler(ReceivedMessage message, CancellationToken cancellationToken);

public sealed record ProcessorOptions
{
    /// <summary>
    /// Sessions (children) handled at once; each session's messages one at a time, in order. Unset: the
    /// transport's own default (the local transport 32, Service Bus 8).
    /// </summary>
    public int? MaxConcurrentSessions { get; init; }
    /// <summary>Deliveries before a message is dead-lettered (reason MaxDeliveryCountExceeded).</summary>
    public int MaxDeliveryCount { get; init; } = 10;
    /// <summary>How long a delivered, unsettled message stays locked before it is redelivered.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromSeconds(30);
}

public interface IMessageProcessor : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);
    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>A delivered message and its settlement.</summary>
public abstract class ReceivedMessage
{
    public required TransportMessage Message { get; init; }
    /// <summary>1 on first delivery.</summary>
    public required int DeliveryCount { get; init; }

    public abstract Task CompleteAsync(CancellationToken cancellationToken);
    public abstract Task AbandonAsync(CancellationToken cancellationToken);
    public abstract Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}

/// <summary>Dead letters of one subscription: listed, and replayed (sent to the subscription again).</summary>
public interface IDeadLetterQueue
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken);
    /// <summary>Moves the dead letter back to the subscription for another try; false if no such dead letter.</summary>
    Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken);
}
