using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// The commands run on one open SQLite connection, each kept with its prepared statement and run again for
/// the next command of the same SQL: parsing and planning happen once per connection, not once per query.
/// Forgotten when the connection closes, since its statements belong to the native connection it had.
/// </summary>
/// <remarks>
/// EF Core makes a new command for every query and save and disposes it after, and Microsoft.Data.Sqlite
/// keeps no statement beyond its command (dotnet/efcore#14044). <see cref="Interceptor"/> runs the kept
/// command in place of EF Core's, with EF Core's parameters, transaction and timeout, so EF Core logs, maps
/// errors and reads results as before; the group commit's own SQL takes its kept commands through
/// <see cref="Lease"/>. A kept command in use (a query run inside the loop over another of the same SQL) is
/// not shared: a command of its own runs the second.
/// </remarks>
internal sealed class KeptStatements
{
    /// <summary>
    /// Statements kept per connection: the queries and saves a service makes often, while bounding the memory a
    /// connection holds (a few kilobytes per statement); the least recently run goes first.
    /// </summary>
    public const int MaxPerConnection = 32;

    public static readonly DbCommandInterceptor Interceptor = new RunKept();

    private readonly Dictionary<string, Kept> _bySql = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private long _runs;

    private KeptStatements(SqliteConnection connection) => _connection = connection;

    /// <summary>
    /// True while a kept command is in use: a reader EF Core has not disposed yet still holds its read of the
    /// database, which only closing the connection ends.
    /// </summary>
    public bool AnyInUse
    {
        get
        {
            foreach (var kept in _bySql.Values)
            {
                if (kept.InUse)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A command for <paramref name="sql"/> on <paramref name="connection"/>: its kept one on a kept connection,
    /// else a new one. Dispose the lease, not the command.
    /// </summary>
    public static CommandLease Lease(DbConnection connection, string sql)
    {
        if (connection is Connection { Statements: var statements } && statements.Take(sql) is { } kept)
        {
            kept.Leased = true;
            return new CommandLease(kept.Command, kept);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        return new CommandLease(command, null);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with a command for <paramref name="sql"/> on a context's connection (kept, on SQLite),
    /// in the context's transaction if it has one, and leaves the connection as EF Core had it: the platform's own
    /// queries beside EF Core's (<see cref="RowProbe{TEntity}"/>, <see cref="RowByKey{TEntity}"/>).
    /// </summary>
    public static async Task<TResult> RunInContextAsync<TState, TResult>(
        DatabaseFacade database, string sql, TState state, Func<DbCommand, TState, CancellationToken, Task<TResult>> run, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var lease = Lease(database.GetDbConnection(), sql);
            lease.Command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            return await run(lease.Command, state, cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The kept command for <paramref name="command"/>'s SQL, given its parameters, transaction and timeout;
    /// null when it is in use.
    /// </summary>
    private Kept? ReadyFor(DbCommand command)
    {
        if (Take(command.CommandText) is not { } kept)
        {
            return null;
        }

        var ready = kept.Command;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            ready.Parameters.Add(parameter);
        }

        ready.Transaction = (SqliteTransaction?)command.Transaction;
        ready.CommandTimeout = command.CommandTimeout;
        return kept;
    }

    /// <summary>The kept command for <paramref name="sql"/> (made now if there is none), without parameters; null when it is in use.</summary>
    private Kept? Take(string sql)
    {
        if (!_bySql.TryGetValue(sql, out var kept))
        {
            if (_bySql.Count >= MaxPerConnection)
            {
                ForgetLeastRecentlyRun();
            }

            kept = new Kept(_connection.CreateCommand());
            kept.Command.CommandText = sql;
            _bySql.Add(sql, kept);
        }
        else if (kept.InUse)
        {
            return null;
        }

        kept.LastRun = ++_runs;
        kept.Reader = null;
        kept.Command.Parameters.Clear();
        return kept;
    }

    private void ForgetLeastRecentlyRun()
    {
        var oldest = _bySql.Where(entry => !entry.Value.InUse).MinBy(entry => entry.Value.LastRun);
        if (oldest.Value is { } kept)
        {
            _bySql.Remove(oldest.Key);
            kept.Command.Dispose();
        }
    }

    /// <summary>The connection has closed and disposed its commands; their statements are gone with it.</summary>
    private void Forget() => _bySql.Clear();

    internal sealed class Kept(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        /// <summary>The reader of its last run for EF Core, which keeps the command in use until EF Core has read it.</summary>
        public SqliteDataReader? Reader { get; set; }

        /// <summary>Leased to the platform's own SQL, until the lease is disposed.</summary>
        public bool Leased { get; set; }

        public long LastRun { get; set; }

        public bool InUse => Leased || Reader is { IsClosed: false };

        public SqliteDataReader Read() => Reader = Command.ExecuteReader();

        public int Run()
        {
            try
            {
                return Command.ExecuteNonQuery();
            }
            finally
            {
                Command.Parameters.Clear();
            }
        }

        public object? RunScalar()
        {
            try
            {
                return Command.ExecuteScalar();
            }
            finally
            {
                Command.Parameters.Clear();
            }
        }
    }

    /// <summary>A command from <see cref="Lease"/>: disposed when it was made for this use, kept otherwise.</summary>
    public readonly struct CommandLease : IAsyncDisposable, IDisposable
    {
        private readonly Kept? _kept;

        internal CommandLease(DbCommand command, Kept? kept)
        {
            Command = command;
            _kept = kept;
        }

        public DbCommand Command { get; }

        public ValueTask DisposeAsync()
        {
            if (_kept is null)
            {
                return Command.DisposeAsync();
            }

            GiveBack(_kept);
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            if (_kept is null)
            {
                Command.Dispose();
                return;
            }

            GiveBack(_kept);
        }

        private void GiveBack(Kept kept)
        {
            // Not held until the next use: the values may be a child's.
            Command.Parameters.Clear();
            kept.Leased = false;
        }
    }

    /// <summary>A SQLite connection with its kept statements.</summary>
    public sealed class Connection : SqliteConnection
    {
        public Connection(string connectionString)
            : base(connectionString) => Statements = new KeptStatements(this);

        public KeptStatements Statements { get; }

        public override void Close()
        {
            base.Close();
            Statements.Forget();
        }
    }

    /// <summary>Runs EF Core's commands on a <see cref="Connection"/> as its kept ones.</summary>
    private sealed class RunKept : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Ready(command, result.HasResult) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.Read()) : result;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Ready(command, result.HasResult) is { } kept ? InterceptionResult<int>.SuppressWithResult(kept.Run()) : result;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(NonQueryExecuting(command, eventData, result));
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Ready(command, result.HasResult) is { } kept ? InterceptionResult<object>.SuppressWithResult(kept.RunScalar()!) : result;

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(ScalarExecuting(command, eventData, result));
        }

        // Another interceptor's result stands; so does a command on any other connection.
        private static Kept? Ready(DbCommand command, bool answered) =>
            answered || command.Connection is not Connection connection ? null : connection.Statements.ReadyFor(command);
    }
}
