using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// EF Core's SQLite connection without the SQL functions EF Core adds to every connection it makes
/// (<c>regexp</c> and the <c>ef_*</c> functions for decimal arithmetic and comparison).
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite registers a connection's functions on the pooled native connection at every
/// open and removes them at every close, one <c>sqlite3_create_function</c> call each, for each query
/// and each save: work for functions a model without decimal properties never calls. Without them the
/// node's CPU per read fell by 16 % (docs/benchmarks.md, "SQLite connections without EF Core's
/// functions"). <see cref="AppliesTo"/> keeps EF Core's connection for a model with a decimal property;
/// a LINQ query using <c>Regex.IsMatch</c> would fail with "no such function: regexp" (the services
/// have none).
/// </remarks>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; its constructor is the one this derives from.
public sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly int? _commandTimeout = RelationalOptionsExtension.Extract(dependencies.ContextOptions).CommandTimeout;

    /// <summary>Makes <paramref name="options"/>' contexts connect this way when <see cref="AppliesTo"/> <paramref name="model"/>.</summary>
    public static void UseWhereItApplies(DbContextOptionsBuilder options, IModel model)
    {
        if (AppliesTo(model))
        {
            options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>();
        }
    }

    /// <summary>True when no property of <paramref name="model"/> is a decimal: EF Core's functions are then never called.</summary>
    public static bool AppliesTo(IModel model) =>
        // Flattened: a decimal inside a complex property counts too.
        !model.GetEntityTypes().SelectMany(entity => entity.GetFlattenedProperties())
            .Any(property => (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal));

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (_commandTimeout is { } seconds)
        {
            connection.DefaultTimeout = seconds;
        }

        return connection;
    }
}
#pragma warning restore EF1001
