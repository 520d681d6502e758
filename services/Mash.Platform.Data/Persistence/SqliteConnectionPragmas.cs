using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mash.Platform.Persistence;

/// <summary>
/// The settings every service connection to a SQLite database gets, once per native connection.
/// </summary>
/// <remarks>
/// <para>
/// <c>wal_autocheckpoint = 0</c> moves WAL checkpoints off the commit path. By default the connection that
/// commits past 1,000 WAL pages copies them into the database file and flushes it before its commit returns:
/// with group commit that is every few seconds under load, and the calls in that batch waited tens of
/// milliseconds for it (the p99 of steady submits went from 12 to 45 ms). <see cref="SqliteWalCheckpointer"/>
/// does it from its own connection every second instead, in PASSIVE mode: it never blocks a writer, and
/// commits stay as durable as before (the WAL is flushed at each commit; the checkpoint only copies what is
/// already safe). A PASSIVE checkpoint never starts the WAL over while commits keep coming: the group commit's
/// writer does that between its commits once the WAL passes a limit (<see cref="SqliteWalLimit"/>).
/// </para>
/// <para>
/// <c>temp_store = MEMORY</c> keeps SQLite's statement journals in memory. Each save in a group commit has
/// its own savepoint, and SQLite copies every page a savepoint changes into a statement journal, by default
/// a deleted temporary file: under load that was more write calls than the WAL itself (19,817 against
/// 7,138 in three seconds of the referral service). The journal only serves to roll a savepoint back
/// within a transaction and is thrown away at its end, so keeping it in memory loses nothing a crash
/// could need.
/// </para>
/// <para>
/// The settings belong to the SQLite connection, which the pool keeps open between uses: they are made once
/// per pooled connection, not at every open (each query opens one), which saved a statement on every query.
/// </para>
/// </remarks>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA wal_autocheckpoint = 0; PRAGMA temp_store = MEMORY;";
    // Native connections already set; weak, so a connection the pool drops is forgotten with it.
    private static readonly ConditionalWeakTable<object, object> Set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EnsureAsync(connection, cancellationToken);

    /// <summary>Makes the settings on a connection opened outside EF Core (the group commit's own), unless already made.</summary>
    public static async Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || !Set.TryGetValue(handle, out _);

    // Only once the settings are made: a failed attempt is tried again at the next open.
    private static void Remember(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            Set.AddOrUpdate(handle, Set);
        }
    }
}
