using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Delivers one subscription's messages to a handler: up to MaxConcurrentSessions sessions at
/// once, each session's messages one at a time in send order. Can be started again after a stop.
/// </summary>
internal sealed class LocalProcessor : IMessageProcessor
{
    private readonly LocalBroker _broker;
    private readonly Subscription _subscription;
    private readonly MessageHandler _handler;
    /// <summary>
    /// Sessions handled at once when the options leave it unset. Every claim is a write to the file all the node's
    /// processes share, taking as many waiting heads as there are free slots: with Service Bus's 8, a busy
    /// subscription claimed one or two at a time as handlers finished, and its service's group commit held at most 8
    /// events. With 32 the node wrote a quarter fewer bytes a durable submit (docs/benchmarks.md).
    /// </summary>
    public const int DefaultMaxConcurrentSessions = 32;

    private readonly ProcessorOptions _options;
    private readonly Action<LocalProcessor> _disposed;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProcessorRun? _run;
    private bool _isDisposed;

    public LocalProcessor(LocalBroker broker, Subscription subscription, MessageHandler handler, ProcessorOptions options, Action<LocalProcessor> disposed)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        options = options with { MaxConcurrentSessions = options.MaxConcurrentSessions ?? DefaultMaxConcurrentSessions };
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentSessions.Value, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDeliveryCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockDuration, TimeSpan.Zero);
        (_broker, _subscription, _handler, _options, _disposed) = (broker, subscription, handler, options, disposed);
    }

    /// <summary>Creates the subscription if it does not exist yet, then starts receiving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            if (_run is not null)
            {
                return;
            }

            var id = _broker.Subscriptions.Ensure(_subscription);
            _run = new ProcessorRun(_broker, new ProcessorTarget(id, _subscription.Topic, _subscription.Name), _handler, _options);
            _broker.Logger.ProcessorStarted(_subscription.Topic, _subscription.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_run is null)
            {
                return;
            }

            await _run.StopAsync(cancellationToken);
            _run.Dispose();
            _run = null;
            _broker.Logger.ProcessorStopped(_subscription.Topic, _subscription.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops, waiting for running handlers at most one lock duration (after that their locks
    /// have expired anyway); call <see cref="StopAsync"/> first to choose the bound yourself.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_isDisposed)
        {
            return;
        }

        using (var grace = new CancellationTokenSource(_options.LockDuration))
        {
            await StopAsync(grace.Token);
        }

        _isDisposed = true;
        _disposed(this);
    }
}
