using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>A delivered message; settled at most once, by the handler or (if it did not) by the processor.</summary>
internal sealed class LocalReceivedMessage(MessageSettlement settlement, Delivery delivery, Action settled) : ReceivedMessage
{
    private const int Open = 0;
    private const int Settled = 1;
    private const int Released = 2;

    private int _state = Open;

    public bool IsSettled => Volatile.Read(ref _state) != Open;

    public string SessionId => delivery.SessionId;

    public override Task CompleteAsync(CancellationToken cancellationToken) =>
        SettleAsync(() => settlement.CompleteAsync(delivery), cancellationToken);

    public override Task AbandonAsync(CancellationToken cancellationToken) =>
        SettleAsync(() =>
        {
            settlement.Abandon(delivery);
            return Task.CompletedTask;
        }, cancellationToken);

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return SettleAsync(() =>
        {
            settlement.DeadLetter(delivery, reason, description ?? "");
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// The processor is stopping while the handler still runs: unlock the message now so it is
    /// not stuck until the lock expires; a later settlement by the handler reports the lost lock.
    /// </summary>
    public void Release()
    {
        if (Interlocked.CompareExchange(ref _state, Released, Open) == Open)
        {
            settlement.Abandon(delivery);
            settled();
        }
    }

    private async Task SettleAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (Interlocked.CompareExchange(ref _state, Settled, Open))
        {
            case Released:
                throw new MessageLockLostException("The processor stopped and released this message; it will be delivered again.");
            case Settled:
                throw new InvalidOperationException("The message has already been settled.");
        }

        try
        {
            await action();
        }
        catch (Exception exception) when (exception is not MessageLockLostException)
        {
            // Not settled after all (e.g. the file stayed busy): let the processor abandon it.
            Volatile.Write(ref _state, Open);
            throw;
        }

        settled();
    }
}
