using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mash.Platform.Persistence;

/// <summary>
/// What a failed save means, asked the same way whatever the database, so services never
/// test a provider's exception themselves and another provider is added here alone.
/// </summary>
public static class DbErrors
{
    /// <summary>
    /// A save refused by a unique index, e.g. when a concurrent retry with the same key won the
    /// race. SQLite reports every constraint as error 19, so callers re-read to see who won.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    private const int SqliteConstraint = 19;
}
