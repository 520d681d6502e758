using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// A context's SQLite connection, kept open from its first use until the context is disposed, with the
/// statements run on it kept prepared (<see cref="KeptStatements"/>), and without the SQL functions EF Core
/// adds to every connection it makes (<c>regexp</c> and the <c>ef_*</c> functions for decimals).
/// </summary>
/// <remarks>
/// <para>
/// EF Core opens and closes a context's connection around each query and each save, and makes a new command
/// for each; Microsoft.Data.Sqlite keeps a command's prepared statement only while the command lives, so every
/// query was compiled again: a fifth of the node's CPU during reads (docs/benchmarks.md, "Statements kept
/// prepared"). Contexts come from a pool and go back to it between calls, so one kept open serves every call
/// that leases it, with its statements ready.
/// </para>
/// <para>
/// Microsoft.Data.Sqlite registers a connection's functions on the native connection at every open and removes
/// them at every close; without them the node's CPU per read fell by 16 % ("SQLite connections without EF
/// Core's functions"). <see cref="AppliesTo"/> keeps EF Core's own connection for a model with a decimal
/// property; a LINQ query using <c>Regex.IsMatch</c> would fail with "no such function: regexp" (the services
/// have none).
/// </para>
/// <para>
/// An open SQLite connection holds no lock between statements (the database is in WAL mode), so keeping it
/// open blocks no writer and no checkpoint. It does hold memory (its page cache and statements), and pooled
/// contexts are never let go: at most <see cref="MaxKeptOpenPerDatabase"/> contexts keep theirs open, so a burst
/// of calls leaves no more behind; the others close theirs after each use, as EF Core does.
/// </para>
/// </remarks>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; its constructor is the one this derives from.
public sealed class KeptSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>
    /// Connections kept open per database: as many as the benchmark's 16 and 32 callers keep busy at once, and a
    /// bound on what they hold (each its page cache and up to <see cref="KeptStatements.MaxPerConnection"/> statements).
    /// </summary>
    public const int MaxKeptOpenPerDatabase = 32;

    private static readonly ConcurrentDictionary<string, StrongBox<int>> KeptOpenByDatabase = new(StringComparer.Ordinal);

    private readonly int? _commandTimeout = RelationalOptionsExtension.Extract(dependencies.ContextOptions).CommandTimeout;
    private DbConnection? _setAside;
    private StrongBox<int>? _keptOpen;

    /// <summary>Makes <paramref name="options"/>' contexts connect this way when <see cref="AppliesTo"/> <paramref name="model"/>.</summary>
    public static void UseWhereItApplies(DbContextOptionsBuilder options, IModel model)
    {
        if (AppliesTo(model))
        {
            options.ReplaceService<ISqliteRelationalConnection, KeptSqliteConnection>()
                .AddInterceptors(KeptStatements.Interceptor);
        }
    }

    /// <summary>True when no property of <paramref name="model"/> is a decimal: EF Core's functions are then never called.</summary>
    public static bool AppliesTo(IModel model) =>
        // Flattened: a decimal inside a complex property counts too.
        !model.GetEntityTypes().SelectMany(entity => entity.GetFlattenedProperties())
            .Any(property => (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal));

    /// <summary>
    /// Runs the context on <paramref name="other"/> (the group commit's connection) until <see cref="TakeBack"/>,
    /// keeping its own connection open, with its prepared statements, meanwhile.
    /// </summary>
    internal void Lend(DbConnection other)
    {
        if (_setAside is not null)
        {
            throw new InvalidOperationException("The context already runs on a lent connection.");
        }

        _setAside = DbConnection;
        try
        {
            SetDbConnection(other, contextOwnsConnection: false);
        }
        catch
        {
            _setAside = null;
            throw;
        }
    }

    /// <summary>The context's own connection again, after <see cref="Lend"/>.</summary>
    internal void TakeBack()
    {
        if (_setAside is { } own)
        {
            SetDbConnection(own, contextOwnsConnection: true);
            _setAside = null;
        }
    }

    protected override DbConnection CreateDbConnection()
    {
        var connection = new KeptStatements.Connection(GetValidatedConnectionString());
        if (_commandTimeout is { } seconds)
        {
            connection.DefaultTimeout = seconds;
        }

        return connection;
    }

    // EF Core closes the connection after each query and save, and when the context goes back to the pool.
    // Kept open instead while this context holds one of its database's places; disposing the context closes it.
    protected override void CloseDbConnection()
    {
        if (!KeepsOpen())
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() => KeepsOpen() ? Task.CompletedTask : base.CloseDbConnectionAsync();

    // Setting the context's own connection aside for a lent one must not dispose it.
    protected override void DisposeDbConnection()
    {
        if (!ReferenceEquals(DbConnection, _setAside))
        {
            LeavePlace();
            base.DisposeDbConnection();
        }
    }

    protected override ValueTask DisposeDbConnectionAsync()
    {
        if (ReferenceEquals(DbConnection, _setAside))
        {
            return ValueTask.CompletedTask;
        }

        LeavePlace();
        return base.DisposeDbConnectionAsync();
    }

    /// <summary>True when the connection is open and this context has (or now takes) a place to keep it open.</summary>
    private bool KeepsOpen()
    {
        // A reader left open would hold its snapshot of the database, and with it every checkpoint, for as long as
        // the connection stays open: closing it ends the read, as EF Core's own close would.
        if (DbConnection is not KeptStatements.Connection { State: ConnectionState.Open } connection || connection.Statements.AnyInUse)
        {
            LeavePlace();
            return false;
        }

        if (_keptOpen is not null)
        {
            return true;
        }

        var keptOpen = KeptOpenByDatabase.GetOrAdd(connection.ConnectionString, _ => new StrongBox<int>());
        if (Interlocked.Increment(ref keptOpen.Value) <= MaxKeptOpenPerDatabase)
        {
            _keptOpen = keptOpen;
            return true;
        }

        Interlocked.Decrement(ref keptOpen.Value);
        return false;
    }

    private void LeavePlace()
    {
        if (_keptOpen is { } keptOpen)
        {
            Interlocked.Decrement(ref keptOpen.Value);
            _keptOpen = null;
        }
    }
}
#pragma warning restore EF1001
