namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Wakes a waiting receive loop early. Auto-reset: a signal given while the loop is busy is kept
/// until its next wait, so a send is never missed between a receive and the wait after it.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _pending = New();

    public void Signal() => Volatile.Read(ref _pending).TrySetResult();

    /// <returns>True if signalled, false if the timeout passed first.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _pending);
        if (!pending.Task.IsCompleted)
        {
            // WhenAny rather than WaitAsync(timeout): an idle poll should not cost an exception.
            var delay = Task.Delay(timeout, cancellationToken);
            await Task.WhenAny(pending.Task, delay);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var signalled = pending.Task.IsCompleted;
        if (signalled)
        {
            // Reset before the caller looks for work: a later signal then wakes the next wait.
            Interlocked.CompareExchange(ref _pending, New(), pending);
        }

        return signalled;
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
