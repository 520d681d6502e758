namespace Mash.Platform.Eventing.Outbox;

/// <summary>Wakes the relay as soon as a transaction with outbox rows commits.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _signalled;

    /// <summary>
    /// One wake-up covers every commit before it, so only the first commit since the relay last woke releases it.
    /// Releasing a semaphore already released throws: under load that was dozens of exceptions a second.
    /// </summary>
    public void Notify()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Waits for a commit, or the polling interval that catches rows a crash left behind.</summary>
    public async Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var woken = await _signal.WaitAsync(pollInterval, cancellationToken);
        if (woken)
        {
            // Before the relay reads the outbox: a commit after this wakes it again, one before it is in what it reads.
            Volatile.Write(ref _signalled, 0);
        }

        return woken;
    }

    public void Dispose() => _signal.Dispose();
}
