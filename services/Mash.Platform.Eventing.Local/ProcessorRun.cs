using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// One started period of a processor: a receive loop that claims as many session heads as it
/// has free handler slots. Stopped once, then discarded.
/// </summary>
internal sealed class ProcessorRun : IDisposable
{
    private readonly LocalBroker _broker;
    private readonly ProcessorTarget _target;
    private readonly ProcessorOptions _options;
    private readonly WakeSignal _wake = new();
    private readonly InFlightHandlers _handlers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly IDisposable _listening;
    private readonly Task _loop;
    // Only the receive loop touches it.
    private bool _lastClaimFound;

    public ProcessorRun(LocalBroker broker, ProcessorTarget target, MessageHandler handler, ProcessorOptions options)
    {
        (_broker, _target, _options) = (broker, target, options);
        // A finished handler may have freed its session's next message: look again at once.
        _handlers = new InFlightHandlers(broker, target, handler, _wake.Signal);
        _listening = broker.Doorbell.Listen(_wake, target.Topic);
        _loop = Task.Run(() => ReceiveLoopAsync(_stopping.Token));
    }

    /// <summary>
    /// Takes no more messages, then waits for running handlers until <paramref name="cancellationToken"/>
    /// fires; handlers still running then are cancelled and their messages released (abandoned).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
        _listening.Dispose();
        try
        {
            await _handlers.WhenAllDone(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var released = await _handlers.CancelAndReleaseAsync();
            _broker.Logger.StoppedWithHandlersRunning(_target.Topic, _target.Name, released);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _handlers.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        var lastActivity = _broker.Time.GetTimestamp();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (ClaimAndRun())
                {
                    lastActivity = _broker.Time.GetTimestamp();
                }

                // Fast polling while there is work about, slower once idle; a signal wakes either at once.
                var idle = _broker.Time.GetElapsedTime(lastActivity) > _broker.Options.IdleAfter;
                if (await _wake.WaitAsync(idle ? _broker.Options.IdlePollInterval : _broker.Options.PollInterval, stopping))
                {
                    lastActivity = _broker.Time.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // E.g. the file stayed locked past the busy timeout: keep the loop alive and retry.
                _broker.Logger.ReceiveFailed(_target.Topic, _target.Name, exception.GetType().Name, exception.Message);
                await ((Task)_wake.WaitAsync(_broker.Options.IdlePollInterval, stopping)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>Whether anything was claimed or dead-lettered.</returns>
    private bool ClaimAndRun()
    {
        // Resolved by LocalProcessor: never unset here.
        var free = _options.MaxConcurrentSessions!.Value - _handlers.Count;
        if (free <= 0)
        {
            return false;
        }

        var result = _broker.Receiver.Claim(_target.SubscriptionId, _target.Topic, free, _handlers.Sessions, _options, likelyReady: _lastClaimFound);
        _lastClaimFound = result.Claimed.Count > 0;
        foreach (var messageId in result.DeadLetteredIds)
        {
            _broker.Logger.MaxDeliveryCountExceeded(_target.Topic, _target.Name, messageId);
        }

        foreach (var claimed in result.Claimed)
        {
            // A settlement may free a session another local processor is waiting for.
            _handlers.Run(new LocalReceivedMessage(_broker.Settlement, claimed.Delivery, () => _broker.Doorbell.RingHere(_target.Topic))
            {
                Message = claimed.Message,
                DeliveryCount = claimed.DeliveryCount,
            });
        }

        return result.Claimed.Count > 0 || result.DeadLetteredIds.Count > 0;
    }
}

/// <summary>The subscription a processor reads, resolved to its id.</summary>
internal sealed record ProcessorTarget(long SubscriptionId, string Topic, string Name);
