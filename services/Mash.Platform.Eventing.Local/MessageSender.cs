using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Sends: duplicate detection per topic, then one copy per subscription existing now that takes the message
/// (<see cref="SubscriptionFilter"/>), all in one transaction.
/// </summary>
internal sealed class MessageSender(SqlitePool pool, TimeProvider time, TimeSpan duplicateWindow)
{
    private static readonly long PurgeEveryMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private long _lastPurge;

    /// <returns>How many messages were new (not dropped as duplicates).</returns>
    public int Send(IReadOnlyList<TransportMessage> messages)
    {
        foreach (var message in messages)
        {
            Validate(message);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (long)duplicateWindow.TotalMilliseconds;
        return pool.Write(tx =>
        {
            PurgeExpiredIds(tx, now, cutoff);
            var subscriptions = new Dictionary<string, List<SubscriptionFilter>>(StringComparer.Ordinal);
            var accepted = 0;
            foreach (var message in messages)
            {
                if (!IsFirstSend(tx, message, now, cutoff))
                {
                    continue;
                }

                if (!subscriptions.TryGetValue(message.Topic, out var ofTopic))
                {
                    subscriptions[message.Topic] = ofTopic = SubscriptionCatalog.OfTopic(tx, message.Topic);
                }

                foreach (var subscription in ofTopic)
                {
                    if (subscription.Takes(message))
                    {
                        SessionQueue.Append(tx, subscription.Id, message, now);
                    }
                }

                accepted++;
            }

            return accepted;
        });
    }

    /// <summary>
    /// Records the id; false if it was already sent to the topic within the window. An id older
    /// than the window (not yet purged) counts as new, so the window is exact.
    /// </summary>
    private static bool IsFirstSend(SqliteTransaction tx, TransportMessage message, long now, long cutoff) =>
        tx.Run(
            """
            INSERT INTO sent_ids (topic, message_id, sent_at) VALUES ($topic, $id, $now)
            ON CONFLICT (topic, message_id) DO UPDATE SET sent_at = excluded.sent_at WHERE sent_ids.sent_at < $cutoff
            """,
            ("$topic", message.Topic), ("$id", message.MessageId), ("$now", now), ("$cutoff", cutoff)) > 0;

    /// <summary>Keeps the id table small; once a minute per process is plenty.</summary>
    private void PurgeExpiredIds(SqliteTransaction tx, long now, long cutoff)
    {
        if (now - Interlocked.Read(ref _lastPurge) < PurgeEveryMs)
        {
            return;
        }

        tx.Run("DELETE FROM sent_ids WHERE sent_at < $cutoff", ("$cutoff", cutoff));
        Interlocked.Exchange(ref _lastPurge, now);
    }

    private static void Validate(TransportMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Topic);
        // Every subscription is session-ordered (one child's events in order), so a session is required.
        ArgumentException.ThrowIfNullOrWhiteSpace(message.SessionId);
        ArgumentNullException.ThrowIfNull(message.Type);
        ArgumentNullException.ThrowIfNull(message.OriginNode);
    }
}
