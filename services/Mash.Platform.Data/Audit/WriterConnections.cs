using System.Data;
using System.Data.Common;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Audit;

/// <summary>
/// The group commit's own connection to each database it writes, kept open between commits and used by
/// its one writer only.
/// </summary>
/// <remarks>
/// <para>
/// With a connection from the pool per commit, a commit often landed on a physical PostgreSQL connection that had
/// not yet prepared the hot statements (Npgsql prepares per connection, after two uses), and each commit rented
/// and returned one. On one kept connection they are prepared once: 241 to 370 submits/s (medians of five runs,
/// docs/benchmarks.md). On SQLite no figure moved beyond the runs' spread.
/// </para>
/// <para>
/// A connection that failed a commit is dropped and the next commit opens a new one: after a server restart
/// or a network fault the old one would fail every commit.
/// </para>
/// </remarks>
internal sealed class WriterConnections : IAsyncDisposable
{
    private readonly Dictionary<(Type Context, string? ConnectionString), DbConnection> _open = [];

    /// <summary>
    /// The open connection to <paramref name="db"/>'s database, opened now if there is none; <c>Kept</c> when
    /// it served an earlier commit (and so may have been closed by the server since).
    /// </summary>
    public async Task<(DbConnection Connection, bool Kept)> ForAsync(AuditedDbContext db)
    {
        var key = Key(db);
        if (_open.TryGetValue(key, out var kept) && kept.State == ConnectionState.Open)
        {
            return (kept, true);
        }

        await DropAsync(db);
        var connection = OfTheSameKind(db.Database.GetDbConnection(), key.ConnectionString);
        try
        {
            await connection.OpenAsync();
            if (db.Database.IsSqlite())
            {
                await SqliteConnectionPragmas.EnsureAsync(connection, CancellationToken.None);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _open[key] = connection;
        return (connection, false);
    }

    /// <summary>
    /// Forgets <paramref name="db"/>'s database's connection (after a failed commit, or once the server closed it);
    /// the next commit opens another.
    /// </summary>
    public async Task DropAsync(AuditedDbContext db)
    {
        if (!_open.Remove(Key(db), out var connection))
        {
            return;
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // Closing a broken connection may fail too; it is forgotten either way.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _open.Values)
        {
            await connection.DisposeAsync();
        }

        _open.Clear();
    }

    /// <summary>One transaction is one database: the context's type and where it connects.</summary>
    public static (Type Context, string? ConnectionString) Key(AuditedDbContext db) => (db.GetType(), db.Database.GetConnectionString());

    private static DbConnection OfTheSameKind(DbConnection template, string? connectionString)
    {
        // On SQLite with its statements kept: the saves of each commit run the same few statements on it.
        if (template is KeptStatements.Connection)
        {
            return new KeptStatements.Connection(connectionString ?? "");
        }

        var connection = DbProviderFactories.GetFactory(template)?.CreateConnection()
            ?? throw new InvalidOperationException($"No provider factory for {template.GetType().Name}.");
        connection.ConnectionString = connectionString;
        return connection;
    }
}
