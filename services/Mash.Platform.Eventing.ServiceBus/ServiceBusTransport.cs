using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>
/// <see cref="IMessageTransport"/> over Azure Service Bus topics with session-enabled
/// subscriptions: one client per process, one sender per topic, a session processor per
/// subscription (one message per child at a time, settled explicitly).
/// </summary>
/// <remarks>
/// Expected of the infrastructure: topics with duplicate detection, subscriptions with sessions
/// enabled, and the max delivery count and lock duration the services expect; this transport
/// cannot set those (see <see cref="ServiceBusTransportOptions"/>).
/// </remarks>
public sealed class ServiceBusTransport : IMessageTransport, IAsyncDisposable
{
    private readonly ServiceBusClient _client;
    private readonly bool _ownsClient;
    private readonly ServiceBusTransportOptions _options;
    private readonly ILogger _logger;
    // Lazy so that two first sends to one topic racing each other still create one sender.
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusSender>> _senders = new(StringComparer.Ordinal);

    /// <summary>Creates and owns the process's client from <paramref name="options"/>.</summary>
    public ServiceBusTransport(ServiceBusTransportOptions options, ILogger<ServiceBusTransport>? logger = null)
        : this(CreateClient(options), ownsClient: true, options, logger)
    {
    }

    /// <summary>Uses a client the caller owns (and disposes).</summary>
    public ServiceBusTransport(ServiceBusClient client, ServiceBusTransportOptions? options = null, ILogger<ServiceBusTransport>? logger = null)
        : this(client, ownsClient: false, options ?? new ServiceBusTransportOptions(), logger)
    {
    }

    private ServiceBusTransport(ServiceBusClient client, bool ownsClient, ServiceBusTransportOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _ownsClient = ownsClient;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task SendAsync(IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var topic in messages.GroupBy(message => message.Topic, StringComparer.Ordinal))
        {
            await SendToTopicAsync(topic.Key, [.. topic], cancellationToken);
        }
    }

    /// <summary>The SDK's own default: each session held open is a link to the namespace, and an idle one polls it.</summary>
    public const int DefaultMaxConcurrentSessions = 8;

    public IMessageProcessor CreateProcessor(Subscription subscription, MessageHandler handler, ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var processor = _client.CreateSessionProcessor(subscription.Topic, subscription.Name, new ServiceBusSessionProcessorOptions
        {
            // The handler settles each message; completing on return would hide a forgotten settlement.
            AutoCompleteMessages = false,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            MaxConcurrentSessions = options.MaxConcurrentSessions ?? DefaultMaxConcurrentSessions,
            // One message per child at a time keeps each child's events in order.
            MaxConcurrentCallsPerSession = 1,
            SessionIdleTimeout = _options.SessionIdleTimeout,
            MaxAutoLockRenewalDuration = _options.MaxAutoLockRenewalDuration,
        });
        return new ServiceBusSessionMessageProcessor(processor, subscription, handler, _logger);
    }

    public IDeadLetterQueue DeadLetters(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new ServiceBusDeadLetterQueue(_client, subscription, () => GetSender(subscription.Topic), _options, _logger);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values.Where(lazy => lazy.IsValueCreated))
        {
            await sender.Value.DisposeAsync();
        }
        _senders.Clear();
        if (_ownsClient)
        {
            await _client.DisposeAsync();
        }
    }

    private ServiceBusSender GetSender(string topic) => _senders.GetOrAdd(topic, name => new Lazy<ServiceBusSender>(
        () => _client.CreateSender(name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private async Task SendToTopicAsync(string topic, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        var sender = GetSender(topic);
        // Every batch is filled before the first is sent, so an oversized message fails the
        // call with nothing sent. A failure part-way through sending leaves a prefix sent;
        // the caller's retry resends it and duplicate detection drops the repeats.
        var batches = await ServiceBusBatches.BuildAsync(sender, topic, messages, cancellationToken);
        try
        {
            foreach (var batch in batches)
            {
                await sender.SendMessagesAsync(batch, cancellationToken);
            }
            _logger.Sent(messages.Count, topic, batches.Count);
        }
        finally
        {
            foreach (var batch in batches)
            {
                batch.Dispose();
            }
        }
    }

    private static ServiceBusClient CreateClient(ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new ServiceBusClient(options.ConnectionString);
        }
        if (!string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace) && options.Credential is not null)
        {
            return new ServiceBusClient(options.FullyQualifiedNamespace, options.Credential);
        }
        throw new InvalidOperationException(
            $"Service Bus needs {ServiceBusTransportOptions.Section}:ConnectionString, or a FullyQualifiedNamespace with a Credential.");
    }
}
