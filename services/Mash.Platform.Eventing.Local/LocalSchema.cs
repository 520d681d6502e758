using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// The broker's tables. A subscription holds its own copy of each message (as Service Bus
/// does); <c>sessions</c> has one row per session with pending messages, naming its head (the
/// oldest message) and the lock of the head's current delivery. Receiving reads only that
/// table, through a covering index in send order, so it stays cheap however many messages wait
/// behind the heads.
/// </summary>
internal static class LocalSchema
{
    /// <summary>
    /// 2: subscriptions name their node (messages addressed to other nodes are not copied to them).
    /// 3: and their service and the origins they apply (nor are messages for another service, or from origins it leaves unapplied).
    /// </summary>
    public const int Version = 3;

    /// <summary>Columns added to subscriptions since version 1, each with what an earlier subscription keeps: a copy of everything.</summary>
    private static readonly (string Name, string Definition)[] AddedSubscriptionColumns =
    [
        ("node", "TEXT NOT NULL DEFAULT ''"),
        ("service", "TEXT NOT NULL DEFAULT ''"),
        ("origin", "INTEGER NOT NULL DEFAULT 0"),
    ];

    /// <summary>Creates what is missing and upgrades a file of an earlier version; safe when several processes open a file at once.</summary>
    public static void Apply(SqliteConnection connection)
    {
        // WAL is a property of the file: readers never wait for the writer, in any process.
        connection.Run("PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        transaction.Run(Create);
        // Inside the write transaction: a second process opening the file waits, then finds the columns.
        foreach (var (name, definition) in AddedSubscriptionColumns)
        {
            if (Convert.ToInt64(transaction.Scalar("SELECT count(*) FROM pragma_table_info('subscriptions') WHERE name = $name", ("$name", name))) == 0)
            {
                // Earlier subscriptions keep the default (a copy of everything) until their service declares them again.
                transaction.Run($"ALTER TABLE subscriptions ADD COLUMN {name} {definition};");
            }
        }

        transaction.Run($"PRAGMA user_version = {Version};");
        transaction.Commit();
    }

    private const string Create = """
        CREATE TABLE IF NOT EXISTS subscriptions (
            id INTEGER PRIMARY KEY,
            topic TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            node TEXT NOT NULL DEFAULT '',
            service TEXT NOT NULL DEFAULT '',
            origin INTEGER NOT NULL DEFAULT 0,
            UNIQUE (topic, name));

        CREATE TABLE IF NOT EXISTS sent_ids (
            topic TEXT NOT NULL,
            message_id TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY (topic, message_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sent_ids_sent_at ON sent_ids (sent_at);

        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            sub_id INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            type TEXT NOT NULL,
            origin_node TEXT NOT NULL,
            body BLOB NOT NULL,
            delivery_count INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_messages_session ON messages (sub_id, session_id, seq);

        CREATE TABLE IF NOT EXISTS sessions (
            sub_id INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            head_seq INTEGER NOT NULL,
            locked_until INTEGER NOT NULL,
            lock_token TEXT,
            PRIMARY KEY (sub_id, session_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sessions_ready ON sessions (sub_id, head_seq, locked_until);

        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sub_id INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            type TEXT NOT NULL,
            origin_node TEXT NOT NULL,
            body BLOB NOT NULL,
            reason TEXT NOT NULL,
            description TEXT NOT NULL,
            delivery_count INTEGER NOT NULL,
            dead_lettered_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_dead_letters_sub ON dead_letters (sub_id, id);
        CREATE INDEX IF NOT EXISTS ix_dead_letters_message ON dead_letters (sub_id, message_id);
        """;
}
