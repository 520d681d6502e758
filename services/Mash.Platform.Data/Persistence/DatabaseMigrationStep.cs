using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Persistence;

/// <summary>
/// Applying migrations as its own step: with <c>--migrate-only</c> the process migrates and
/// exits (a Kubernetes Job or init container, before the pods start); otherwise it migrates at
/// start unless <c>Mash:Database:MigrateOnStart</c> is false, then serves.
/// </summary>
public static partial class DatabaseMigrationStep
{
    /// <summary>Set by <see cref="Hosting.MashHost"/> when the process was started with <c>--migrate-only</c>.</summary>
    public const string MigrateOnlyKey = Hosting.MashHost.MigrateOnlyKey;

    /// <summary>
    /// Returns the process's exit code when it must stop here (after <c>--migrate-only</c>:
    /// 0 when migrated, 1 with the reason logged when not; the app is then disposed), or null
    /// to go on and serve.
    /// </summary>
    public static async Task<int?> MigrateDatabaseAsync<TContext>(this WebApplication app)
        where TContext : AuditedDbContext
    {
        var migrateOnly = app.Configuration.GetValue<bool>(MigrateOnlyKey);
        if (!migrateOnly)
        {
            if (DatabaseSettings.MigrateOnStart(app.Configuration))
            {
                await ApplyMigrationsAsync<TContext>(app.Services, CancellationToken.None);
            }

            return null;
        }

        var exitCode = await MigrateOnlyAsync<TContext>(app);
        // The process ends here: disposing the app flushes the console log the operator reads.
        await app.DisposeAsync();
        return exitCode;
    }

    private static async Task<int> MigrateOnlyAsync<TContext>(WebApplication app)
        where TContext : AuditedDbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrationStep));
        var database = app.Services.GetRequiredService<MashDatabase>();
        try
        {
            var applied = await ApplyMigrationsAsync<TContext>(app.Services, CancellationToken.None);
            LogMigrated(logger, database.Name, database.Provider, applied.Count > 0 ? applied[^1] : "(no migrations)", applied.Count);
            return 0;
        }
        catch (Exception e)
        {
            // The exception's type and message name the cause (unreachable server, refused login,
            // a failed statement); the connection string is not part of either.
            LogMigrationFailed(logger, database.Name, database.Provider, e.GetType().Name, e.Message);
            return 1;
        }
    }

    /// <summary>Applies pending migrations; returns the ids of all migrations the database now has.</summary>
    public static async Task<IReadOnlyList<string>> ApplyMigrationsAsync<TContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TContext : AuditedDbContext
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(cancellationToken);
        // Most starts find the schema current. MigrateAsync would still build the snapshot's model and the
        // current one to compare them (a few hundred milliseconds a service, seconds for a node starting
        // together); the ids alone say nothing is pending. Whether the model matches its migrations is
        // the migration tests' to hold. Replicas starting together are safe: EF Core holds a database lock while it migrates.
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        if (db.Database.GetMigrations().Except(applied, StringComparer.Ordinal).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
            applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never wait for the writer; the setting lives in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return [.. applied];
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Migrated the {Database} database on {Provider}: its schema is at {LastMigration} ({Count} migrations in all).")]
    private static partial void LogMigrated(ILogger logger, string database, DatabaseProvider provider, string lastMigration, int count);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Critical, Message = "Migrating the {Database} database on {Provider} failed ({ExceptionType}: {Reason}); the service's schema was not changed by this run.")]
    private static partial void LogMigrationFailed(ILogger logger, string database, DatabaseProvider provider, string exceptionType, string reason);
}
