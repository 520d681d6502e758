using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.Local;

/// <summary>A subscription's dead letters. Reading never creates the subscription.</summary>
internal sealed class LocalDeadLetterQueue(LocalBroker broker, Subscription subscription) : IDeadLetterQueue
{
    public Task<IReadOnlyList<DeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        if (broker.Subscriptions.Find(subscription) is not { } subscriptionId)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>([]);
        }

        var letters = broker.Pool.Read(connection =>
        {
            var command = connection.Command(
                """
                SELECT message_id, session_id, type, origin_node, body, reason, description, delivery_count, dead_lettered_at
                FROM dead_letters WHERE sub_id = $sub ORDER BY id LIMIT $max
                """,
                ("$sub", subscriptionId), ("$max", maxCount));
            using var reader = command.ExecuteReader();
            var list = new List<DeadLetter>();
            while (reader.Read())
            {
                var message = new TransportMessage(reader.GetString(0), subscription.Topic, reader.GetString(1),
                    reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4));
                list.Add(new DeadLetter(message, reader.GetString(5), reader.GetString(6), reader.GetInt32(7),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
            }

            return list;
        });
        return Task.FromResult<IReadOnlyList<DeadLetter>>(letters);
    }

    /// <summary>
    /// Appends the dead letter to the end of its session as a fresh message (delivery count 0),
    /// as a Service Bus resubmit does; it bypasses duplicate detection, which is per topic.
    /// </summary>
    public Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        if (broker.Subscriptions.Find(subscription) is not { } subscriptionId)
        {
            return Task.FromResult(false);
        }

        var now = broker.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var replayed = broker.Pool.Write(tx =>
        {
            var command = tx.Command(
                """
                DELETE FROM dead_letters WHERE id = (SELECT MIN(id) FROM dead_letters WHERE sub_id = $sub AND message_id = $id)
                RETURNING message_id, session_id, type, origin_node, body
                """,
                ("$sub", subscriptionId), ("$id", messageId));
            TransportMessage message;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return false;
                }

                message = new TransportMessage(reader.GetString(0), subscription.Topic, reader.GetString(1),
                    reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4));
            }

            SessionQueue.Append(tx, subscriptionId, message, now);
            return true;
        });
        if (replayed)
        {
            broker.Doorbell.Ring(subscription.Topic);
        }

        return Task.FromResult(replayed);
    }
}
