using System.Collections.Concurrent;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// The handlers a processor run has going, at most one per session. A handler that throws or
/// returns without settling has its message abandoned (redelivered, its delivery counted).
/// </summary>
internal sealed class InFlightHandlers(LocalBroker broker, ProcessorTarget target, MessageHandler handler, Action finished) : IDisposable
{
    private readonly ConcurrentDictionary<string, InFlight> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _cancelled = new();

    public int Count => _running.Count;

    /// <summary>Sessions being handled here: not to be claimed again even if their lock expired meanwhile.</summary>
    public ICollection<string> Sessions => _running.Keys;

    public void Run(LocalReceivedMessage message)
    {
        var flight = new InFlight(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _running[message.SessionId] = flight;
        // On the thread pool: a handler that blocks must not hold up the receive loop.
        _ = Task.Run(() => HandleAsync(flight));
    }

    public Task WhenAllDone(CancellationToken cancellationToken) =>
        Task.WhenAll(_running.Values.Select(f => f.Done.Task)).WaitAsync(cancellationToken);

    /// <summary>Cancels the handlers still running and hands their messages back for redelivery now.</summary>
    public async Task<int> CancelAndReleaseAsync()
    {
        await _cancelled.CancelAsync();
        var running = _running.Values.ToArray();
        foreach (var flight in running)
        {
            try
            {
                flight.Message.Release();
            }
            catch (MessageLockLostException)
            {
                // Redelivered elsewhere already: nothing of ours to hand back.
            }
            catch (Exception exception)
            {
                broker.Logger.ReleaseFailed(target.Topic, target.Name, flight.Message.Message.MessageId, exception.GetType().Name, exception.Message);
            }
        }

        return running.Length;
    }

    public void Dispose()
    {
        // A handler that ignored cancellation may still hold the token; leave it to the collector then.
        if (_running.IsEmpty)
        {
            _cancelled.Dispose();
        }
    }

    private async Task HandleAsync(InFlight flight)
    {
        var message = flight.Message;
        try
        {
            await handler(message, _cancelled.Token);
            if (!message.IsSettled)
            {
                broker.Logger.HandlerDidNotSettle(target.Topic, target.Name, message.Message.MessageId);
            }
        }
        catch (Exception exception)
        {
            broker.Logger.HandlerFailed(target.Topic, target.Name, message.Message.MessageId, message.DeliveryCount, exception.GetType().Name, exception.Message);
        }

        try
        {
            if (!message.IsSettled)
            {
                await message.AbandonAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Lock lost, released by a stop, or settled meanwhile: nothing left for us to do.
        }
        catch (Exception exception)
        {
            broker.Logger.ReleaseFailed(target.Topic, target.Name, message.Message.MessageId, exception.GetType().Name, exception.Message);
        }
        finally
        {
            _running.TryRemove(message.SessionId, out _);
            flight.Done.TrySetResult();
            finished();
        }
    }

    private sealed record InFlight(LocalReceivedMessage Message, TaskCompletionSource Done);
}
