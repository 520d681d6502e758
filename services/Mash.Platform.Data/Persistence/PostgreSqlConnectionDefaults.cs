using System.Data.Common;
using Npgsql;

namespace Mash.Platform.Persistence;

/// <summary>
/// What the services add to a PostgreSQL connection string that does not say otherwise. A service
/// sends the same few dozen statements all day; without preparation the server parses, analyses and
/// plans each one every time (about a quarter of its CPU per submit, measured in the benchmark).
/// </summary>
/// <remarks>
/// A setting given in the connection string is kept as given, so an operator can turn each off:
/// behind a pooler in transaction mode (PgBouncer before 1.21), set <c>Max Auto Prepare=0</c>.
/// </remarks>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>Statements kept prepared per physical connection: more than the distinct hot statements of any service.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>A statement is prepared on its second use: one-off statements (migrations, exports) are not.</summary>
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        // Npgsql's own builder answers every keyword it knows as present; the plain one lists what was written.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        // Returning a connection to the pool would otherwise reset its session (RESET ALL, CLOSE ALL,
        // UNLISTEN) before the next use. The services set no session state on pooled connections (the
        // outbox leader's settings are on a connection of its own, unpooled), and their advisory locks
        // are transaction-scoped, ended by the commit or rollback that returning also ensures.
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
