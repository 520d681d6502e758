using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;
using Mash.Platform.Identity;

namespace Mash.Platform.Eventing.Local;

/// <summary>A message handed out under a lock, and the messages dead-lettered while looking for it.</summary>
internal sealed record Claimed(Delivery Delivery, TransportMessage Message, int DeliveryCount);

internal sealed record ClaimResult(IReadOnlyList<Claimed> Claimed, IReadOnlyList<string> DeadLetteredIds);

/// <summary>
/// Peek-lock receive: locks the heads of the oldest unlocked sessions. Only a session's head is
/// ever handed out, and only while no other delivery holds it, so each session goes one message
/// at a time in send order, across every process sharing the file.
/// </summary>
internal sealed class MessageReceiver(SqlitePool pool, TimeProvider time)
{
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    private static readonly ClaimResult Nothing = new([], []);

    /// <param name="busySessions">Sessions this processor is still handling (their lock may have expired): skipped.</param>
    /// <param name="likelyReady">
    /// The last claim found messages: go straight to the write. Under load the plain read first
    /// (<see cref="AnyReady"/>) almost always says yes, and it cost a read transaction per claim.
    /// </param>
    public ClaimResult Claim(long subscriptionId, string topic, int max, ICollection<string> busySessions, ProcessorOptions options, bool likelyReady = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!likelyReady && !AnyReady(subscriptionId, now))
        {
            return Nothing;
        }

        var lockedUntil = now + (long)options.LockDuration.TotalMilliseconds;
        // Lazily: a claim lost in a power cut only means the messages are delivered again.
        return pool.WriteLazily(tx =>
        {
            var claimed = new List<Claimed>();
            var deadLettered = new List<string>();
            foreach (var (sessionId, head) in ReadySessions(tx, subscriptionId, now, max + busySessions.Count))
            {
                if (claimed.Count == max)
                {
                    break;
                }

                if (!busySessions.Contains(sessionId)
                    && ClaimHead(tx, new SessionHead(subscriptionId, topic, sessionId, head), now, lockedUntil, options, deadLettered) is { } one)
                {
                    claimed.Add(one);
                }
            }

            return new ClaimResult(claimed, deadLettered);
        });
    }

    /// <summary>
    /// A plain read first: an idle poll then never takes the write lock, which every process's
    /// senders and receivers share.
    /// </summary>
    private bool AnyReady(long subscriptionId, long now) => pool.Read(connection =>
    {
        var command = connection.Command(
            "SELECT EXISTS (SELECT 1 FROM sessions WHERE sub_id = $sub AND locked_until <= $now)", ("$sub", subscriptionId), ("$now", now));
        return (long)command.ExecuteScalar()! == 1;
    });

    private static List<(string SessionId, long Head)> ReadySessions(SqliteTransaction tx, long subscriptionId, long now, int limit)
    {
        // Walks ix_sessions_ready in send order; only locked sessions (in flight) are skipped.
        var command = tx.Command(
            "SELECT session_id, head_seq FROM sessions WHERE sub_id = $sub AND locked_until <= $now ORDER BY head_seq LIMIT $limit",
            ("$sub", subscriptionId), ("$now", now), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var ready = new List<(string, long)>();
        while (reader.Read())
        {
            ready.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return ready;
    }

    private static Claimed? ClaimHead(SqliteTransaction tx, SessionHead head, long now, long lockedUntil, ProcessorOptions options, List<string> deadLettered)
    {
        var seq = head.Sequence;
        while (true)
        {
            var (message, deliveryCount) = ReadMessage(tx, head.Topic, seq);
            if (deliveryCount < options.MaxDeliveryCount)
            {
                var token = RecordIds.NewToken();
                tx.Run("UPDATE messages SET delivery_count = delivery_count + 1 WHERE seq = $seq", ("$seq", seq));
                tx.Run(
                    "UPDATE sessions SET locked_until = $until, lock_token = $token WHERE sub_id = $sub AND session_id = $session",
                    ("$until", lockedUntil), ("$token", token), ("$sub", head.SubscriptionId), ("$session", head.SessionId));
                return new Claimed(new Delivery(head.SubscriptionId, head.SessionId, seq, token), message, deliveryCount + 1);
            }

            // This delivery would exceed the limit: dead-letter instead, and try the session's next message.
            SessionQueue.DeadLetterHead(tx, head.SubscriptionId, head.SessionId, seq, MaxDeliveryCountExceeded,
                $"Delivered {deliveryCount} times without being completed.", now);
            deadLettered.Add(message.MessageId);
            if (tx.Scalar("SELECT head_seq FROM sessions WHERE sub_id = $sub AND session_id = $session",
                    ("$sub", head.SubscriptionId), ("$session", head.SessionId)) is not long next)
            {
                return null;
            }

            seq = next;
        }
    }

    private static (TransportMessage Message, int DeliveryCount) ReadMessage(SqliteTransaction tx, string topic, long seq)
    {
        var command = tx.Command(
            "SELECT message_id, session_id, type, origin_node, body, delivery_count FROM messages WHERE seq = $seq", ("$seq", seq));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The broker file is inconsistent: a session's head message {seq} is missing.");
        }

        var message = new TransportMessage(reader.GetString(0), topic, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4));
        return (message, reader.GetInt32(5));
    }

    private sealed record SessionHead(long SubscriptionId, string Topic, string SessionId, long Sequence);
}
