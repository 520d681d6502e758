using System.Collections.Concurrent;
using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Subscriptions by id. Ids are cached (a subscription is never removed), but the list of a
/// topic's subscriptions is read inside each send, since another process may have just added one.
/// A subscription declared for a node gets only the messages addressed to it or to every node.
/// </summary>
internal sealed class SubscriptionCatalog(SqlitePool pool, TimeProvider time)
{
    private readonly ConcurrentDictionary<Subscription, long> _ids = new();

    public long Ensure(Subscription subscription)
    {
        Validate(subscription);
        if (_ids.TryGetValue(subscription, out var id))
        {
            return id;
        }

        id = pool.Write(tx =>
        {
            // A subscription declared before it named its node (or by a caller that does not say) learns it now.
            tx.Run(
                """
                INSERT INTO subscriptions (topic, name, created_at, node) VALUES ($topic, $name, $now, $node)
                ON CONFLICT (topic, name) DO UPDATE SET node = excluded.node WHERE subscriptions.node = '' AND excluded.node <> ''
                """,
                ("$topic", subscription.Topic), ("$name", subscription.Name), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$node", subscription.Node));
            return Lookup(tx, subscription)!.Value;
        });
        return _ids[subscription] = id;
    }

    /// <summary>The subscription's id, or null if nobody has created it (reading never creates one).</summary>
    public long? Find(Subscription subscription)
    {
        Validate(subscription);
        if (_ids.TryGetValue(subscription, out var id))
        {
            return id;
        }

        var found = pool.Read(connection =>
        {
            var command = connection.Command(
                "SELECT id FROM subscriptions WHERE topic = $topic AND name = $name", ("$topic", subscription.Topic), ("$name", subscription.Name));
            return command.ExecuteScalar() as long?;
        });
        if (found is { } value)
        {
            _ids[subscription] = value;
        }

        return found;
    }

    /// <summary>The topic's subscriptions, each with its node ('' for one that takes every message).</summary>
    public static List<(long Id, string Node)> OfTopic(SqliteTransaction tx, string topic)
    {
        var command = tx.Command("SELECT id, node FROM subscriptions WHERE topic = $topic ORDER BY id", ("$topic", topic));
        using var reader = command.ExecuteReader();
        var subscriptions = new List<(long, string)>();
        while (reader.Read())
        {
            subscriptions.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return subscriptions;
    }

    private static long? Lookup(SqliteTransaction tx, Subscription subscription) =>
        tx.Scalar("SELECT id FROM subscriptions WHERE topic = $topic AND name = $name", ("$topic", subscription.Topic), ("$name", subscription.Name)) as long?;

    private static void Validate(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Name);
    }
}
