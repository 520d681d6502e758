using System.Collections.Concurrent;
using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Subscriptions by id. Ids are cached (a subscription is never removed), but the list of a
/// topic's subscriptions is read inside each send, since another process may have just added one.
/// A subscription declared for a node gets only the messages addressed to it or to every node; one declared
/// for a service, only those for it or for every service; one declared for some origins, only theirs.
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
            // A subscription declared before it named its node (or by a caller that does not say) learns it now. Its
            // service's declaration sets what it applies: a new version of the service may apply more origins than the last.
            tx.Run(
                """
                INSERT INTO subscriptions (topic, name, created_at, node, service, origin) VALUES ($topic, $name, $now, $node, $service, $origin)
                ON CONFLICT (topic, name) DO UPDATE SET
                    node = CASE WHEN subscriptions.node = '' THEN excluded.node ELSE subscriptions.node END,
                    service = CASE WHEN excluded.service <> '' THEN excluded.service ELSE subscriptions.service END,
                    origin = CASE WHEN excluded.service <> '' THEN excluded.origin ELSE subscriptions.origin END
                """,
                ("$topic", subscription.Topic), ("$name", subscription.Name), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()),
                ("$node", subscription.Node), ("$service", subscription.Service), ("$origin", (int)subscription.Origin));
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

    /// <summary>The topic's subscriptions, each with what it takes ('' node or service: every message's).</summary>
    public static List<SubscriptionFilter> OfTopic(SqliteTransaction tx, string topic)
    {
        var command = tx.Command("SELECT id, node, service, origin FROM subscriptions WHERE topic = $topic ORDER BY id", ("$topic", topic));
        using var reader = command.ExecuteReader();
        var subscriptions = new List<SubscriptionFilter>();
        while (reader.Read())
        {
            subscriptions.Add(new SubscriptionFilter(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (SubscriptionOrigin)reader.GetInt32(3)));
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
