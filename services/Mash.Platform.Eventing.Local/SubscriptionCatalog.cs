using System.Collections.Concurrent;
using Mash.Platform.Eventing.Transport;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// Subscriptions by id. Ids are cached (a subscription is never removed), but the list of a
/// topic's subscriptions is read inside each send, since another process may have just added one.
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
            tx.Run(
                "INSERT INTO subscriptions (topic, name, created_at) VALUES ($topic, $name, $now) ON CONFLICT (topic, name) DO NOTHING",
                ("$topic", subscription.Topic), ("$name", subscription.Name), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
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

    public static List<long> OfTopic(SqliteTransaction tx, string topic)
    {
        var command = tx.Command("SELECT id FROM subscriptions WHERE topic = $topic ORDER BY id", ("$topic", topic));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
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
