namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Complete, abandon and dead-letter one delivery. Each checks the delivery's lock token first:
/// once a lock has expired and the message was delivered again, the old delivery's settlement
/// changes nothing and throws <see cref="MessageLockLostException"/>. An expired lock that no one
/// else has taken still settles (nothing was redelivered, so there is nothing to protect).
/// Completing and abandoning are written lazily (<see cref="SqlitePool.WriteLazily{T}"/>): lost,
/// they mean one more delivery. Completions waiting together share a transaction
/// (<see cref="CompletionBatches"/>). Dead-lettering is flushed: the reason must not be lost.
/// </summary>
internal sealed class MessageSettlement(SqlitePool pool, TimeProvider time)
{
    public CompletionBatches Completions { get; } = new(pool);

    public Task CompleteAsync(Delivery delivery) => Completions.CompleteAsync(delivery);

    /// <summary>Unlocks the head for immediate redelivery; its delivery count already counts this delivery.</summary>
    public void Abandon(Delivery delivery) => pool.WriteLazily(tx =>
    {
        RequireLock(tx.Run(
            """
            UPDATE sessions SET locked_until = 0, lock_token = NULL
            WHERE sub_id = $sub AND session_id = $session AND head_seq = $seq AND lock_token = $token
            """,
            ("$sub", delivery.SubscriptionId), ("$session", delivery.SessionId),
            ("$seq", delivery.Sequence), ("$token", delivery.LockToken)) == 1);
        return 0;
    });

    public void DeadLetter(Delivery delivery, string reason, string description) => pool.Write(tx =>
    {
        RequireLock(SessionQueue.HoldsLock(tx, delivery));
        SessionQueue.DeadLetterHead(tx, delivery.SubscriptionId, delivery.SessionId, delivery.Sequence,
            reason, description, time.GetUtcNow().ToUnixTimeMilliseconds());
        return 0;
    });

    private static void RequireLock(bool held)
    {
        if (!held)
        {
            throw new MessageLockLostException();
        }
    }
}
