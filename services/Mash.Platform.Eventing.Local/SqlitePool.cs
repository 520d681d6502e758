using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// This process's connections to the broker file, each opened once with the pragmas that make
/// it safe to share with other processes. (Our own pool, not Microsoft.Data.Sqlite's, so every
/// connection is known to be configured and the schema is created before first use.)
/// </summary>
internal sealed class SqlitePool : IDisposable
{
    private const int MaxIdle = 8;

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly BrokerWriteGate _writeGate;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly Lock _schemaGate = new();
    private volatile bool _schemaReady;
    // 1 once disposed: set once, so the gate is released once however often Dispose is called.
    private int _disposed;

    public SqlitePool(string path, TimeSpan busyTimeout)
    {
        _busyTimeout = busyTimeout;
        _writeGate = BrokerWriteGate.Acquire(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // The library's own busy retry is the outer bound; SQLite's busy handler does the waiting.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds) + 1,
        }.ToString();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (BEGIN IMMEDIATE) and commits it, on the process's
    /// writing connection of the file (<see cref="BrokerWriteGate"/>), not a pooled one.
    /// </summary>
    public T Write<T>(Func<SqliteTransaction, T> work) => Commit(work, lazily: false);

    /// <summary>
    /// As <see cref="Write{T}"/>, for bookkeeping whose loss in a power cut only repeats work: a
    /// claim or a completion (the message is delivered again, and consumers' inboxes absorb the
    /// repeat). Committed without waiting for the disk (synchronous=NORMAL), saving two flushes
    /// per delivered message. WAL keeps commits in order, so the next flushed commit (a send)
    /// makes it durable too; a crash of the process alone loses nothing either way. Sends and
    /// dead letters stay on <see cref="Write{T}"/>: an event acknowledged to its outbox must be on disk.
    /// </summary>
    public T WriteLazily<T>(Func<SqliteTransaction, T> work) => Commit(work, lazily: true);

    private T Commit<T>(Func<SqliteTransaction, T> work, bool lazily)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        // Writers take turns at the gate, so none of them waits in SQLite's busy handler for another.
        using var turn = _writeGate.Enter(_busyTimeout);
        var connection = turn.Writer(Open, _busyTimeout, lazily);
        // IMMEDIATE takes SQLite's write lock up front: a writer that does not take turns (an earlier version)
        // then waits on the busy timeout instead of failing when a read transaction tries to upgrade.
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(transaction);
        transaction.Commit();
        return result;
    }

    public T Read<T>(Func<SqliteConnection, T> work)
    {
        var connection = Rent();
        try
        {
            return work(connection);
        }
        finally
        {
            Return(connection);
        }
    }

    private bool Disposed => Volatile.Read(ref _disposed) != 0;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writeGate.Release();
        }

        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return _idle.TryTake(out var connection) ? connection : Open();
    }

    private void Return(SqliteConnection connection)
    {
        if (Disposed || connection.State != System.Data.ConnectionState.Open || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // synchronous=FULL: a commit is on disk before SendAsync returns. temp_store=MEMORY: a
            // statement's journal (kept to undo it alone) is not written to a temporary file. The
            // pragmas are per connection; journal_mode=WAL is kept in the file (set with the schema).
            connection.Run($"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
            EnsureSchema(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaGate)
        {
            if (!_schemaReady)
            {
                LocalSchema.Apply(connection);
                _schemaReady = true;
            }
        }
    }
}
