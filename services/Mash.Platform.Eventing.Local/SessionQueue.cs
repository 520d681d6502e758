using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// The statements that keep <c>messages</c> and <c>sessions</c> consistent: a session row exists
/// exactly while the session has messages, and its head is the oldest of them. Callers run them
/// inside one write transaction.
/// </summary>
internal static class SessionQueue
{
    /// <summary>Appends a message to the end of its session's queue, as a fresh delivery.</summary>
    public static void Append(SqliteTransaction tx, long subscriptionId, TransportMessage message, long now)
    {
        var seq = (long)tx.Scalar(
            """
            INSERT INTO messages (sub_id, session_id, message_id, type, origin_node, body, delivery_count, enqueued_at)
            VALUES ($sub, $session, $id, $type, $origin, $body, 0, $now) RETURNING seq
            """,
            ("$sub", subscriptionId), ("$session", message.SessionId), ("$id", message.MessageId),
            ("$type", message.Type), ("$origin", message.OriginNode), ("$body", message.Body.ToArray()), ("$now", now))!;

        // A session already queued keeps its head: the new message is later in send order.
        tx.Run(
            """
            INSERT INTO sessions (sub_id, session_id, head_seq, locked_until, lock_token)
            VALUES ($sub, $session, $seq, 0, NULL) ON CONFLICT (sub_id, session_id) DO NOTHING
            """,
            ("$sub", subscriptionId), ("$session", message.SessionId), ("$seq", seq));
    }

    /// <summary>Whether the delivery identified by <paramref name="lockToken"/> still owns the session's head.</summary>
    public static bool HoldsLock(SqliteTransaction tx, Delivery delivery) =>
        tx.Scalar(
            "SELECT 1 FROM sessions WHERE sub_id = $sub AND session_id = $session AND head_seq = $seq AND lock_token = $token",
            ("$sub", delivery.SubscriptionId), ("$session", delivery.SessionId),
            ("$seq", delivery.Sequence), ("$token", delivery.LockToken)) is not null;

    /// <summary>Removes the head (completed) and unlocks the session for its next message.</summary>
    public static void RemoveHead(SqliteTransaction tx, long subscriptionId, string sessionId, long seq)
    {
        tx.Run("DELETE FROM messages WHERE seq = $seq", ("$seq", seq));
        var next = tx.Scalar(
            "SELECT MIN(seq) FROM messages WHERE sub_id = $sub AND session_id = $session",
            ("$sub", subscriptionId), ("$session", sessionId));
        if (next is null)
        {
            tx.Run("DELETE FROM sessions WHERE sub_id = $sub AND session_id = $session", ("$sub", subscriptionId), ("$session", sessionId));
            return;
        }

        tx.Run(
            "UPDATE sessions SET head_seq = $next, locked_until = 0, lock_token = NULL WHERE sub_id = $sub AND session_id = $session",
            ("$next", next), ("$sub", subscriptionId), ("$session", sessionId));
    }

    /// <summary>Moves the head to the dead letters; it no longer blocks its session.</summary>
    public static void DeadLetterHead(SqliteTransaction tx, long subscriptionId, string sessionId, long seq, string reason, string description, long now)
    {
        tx.Run(
            """
            INSERT INTO dead_letters (sub_id, session_id, message_id, type, origin_node, body, reason, description, delivery_count, dead_lettered_at)
            SELECT sub_id, session_id, message_id, type, origin_node, body, $reason, $description, delivery_count, $now
            FROM messages WHERE seq = $seq
            """,
            ("$reason", reason), ("$description", description), ("$now", now), ("$seq", seq));
        RemoveHead(tx, subscriptionId, sessionId, seq);
    }
}

/// <summary>One delivery of a session's head: the lock token tells it from later deliveries of the same message.</summary>
internal sealed record Delivery(long SubscriptionId, string SessionId, long Sequence, string LockToken);
