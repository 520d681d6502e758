using System.Collections.Concurrent;
using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// The embedded broker for one machine: a SQLite file (WAL, synchronous=FULL) shared by every
/// process that opens it, with Service Bus semantics — topics copied to the subscriptions that
/// exist at send time, duplicate detection, sessions in order, peek-lock, dead letters. Use one
/// instance per process; it is thread-safe.
/// </summary>
/// <remarks>
/// Unlike the Service Bus processor, locks are not renewed while a handler runs: a handler must
/// settle within <see cref="ProcessorOptions.LockDuration"/> or its message is delivered again.
/// </remarks>
public sealed class LocalFileTransport : IMessageTransport, IAsyncDisposable
{
    private readonly LocalBroker _broker;
    private readonly ConcurrentDictionary<LocalProcessor, byte> _processors = new();
    private volatile bool _disposed;

    public LocalFileTransport(LocalTransportOptions options, ILogger<LocalFileTransport>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IdlePollInterval, options.PollInterval);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DuplicateDetectionWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BusyTimeout, TimeSpan.Zero);

        var path = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var pool = new SqlitePool(path, options.BusyTimeout);
        _broker = new LocalBroker(
            options, pool, new SubscriptionCatalog(pool, time), new MessageSender(pool, time, options.DuplicateDetectionWindow),
            new MessageReceiver(pool, time), new MessageSettlement(pool, time), new Doorbell(path, log), log, time);
    }

    /// <summary>
    /// Declares a subscription (idempotent). Like Service Bus, a topic's messages are copied only
    /// to subscriptions that exist when they are sent, so declare them before anyone sends.
    /// </summary>
    public Task EnsureSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _broker.Subscriptions.Ensure(subscription);
        return Task.CompletedTask;
    }

    /// <summary>All the messages in one transaction; ids already sent to their topic within the window are dropped.</summary>
    public Task SendAsync(IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var accepted = _broker.Sender.Send(messages);
        if (accepted < messages.Count)
        {
            _broker.Logger.DuplicatesDropped(messages.Count - accepted);
        }

        if (accepted > 0)
        {
            foreach (var topic in messages.Select(m => m.Topic).Distinct())
            {
                _broker.Doorbell.Ring(topic);
            }
        }

        return Task.CompletedTask;
    }

    public IMessageProcessor CreateProcessor(Subscription subscription, MessageHandler handler, ProcessorOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var processor = new LocalProcessor(_broker, subscription, handler, options, p => _processors.TryRemove(p, out _));
        _processors[processor] = 0;
        return processor;
    }

    public IDeadLetterQueue DeadLetters(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new LocalDeadLetterQueue(_broker, subscription);
    }

    /// <summary>Disposes (stops) the processors it created, then closes its connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var processor in _processors.Keys)
        {
            await processor.DisposeAsync();
        }

        _broker.Doorbell.Dispose();
        _broker.Pool.Dispose();
    }
}
