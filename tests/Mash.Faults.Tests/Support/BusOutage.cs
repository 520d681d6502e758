using Microsoft.Data.Sqlite;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// Makes the local bus unusable for writing: holds its file's write lock, so no process can send,
/// receive or settle until it is released (they wait on SQLite's busy timeout, as they would on a
/// broker that stops answering). Readers still read.
/// </summary>
public sealed class BusOutage : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _writeLock;

    private BusOutage(SqliteConnection connection, SqliteTransaction writeLock)
    {
        _connection = connection;
        _writeLock = writeLock;
    }

    public static async Task<BusOutage> BeginAsync(string busPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = busPath, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using (var wait = connection.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout = 10000;";
            await wait.ExecuteNonQueryAsync();
        }

        // BEGIN IMMEDIATE: the write lock, held until disposed.
        return new BusOutage(connection, connection.BeginTransaction(deferred: false));
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.RollbackAsync();
        await _writeLock.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
