using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mash.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Persistence;

/// <summary>Creates a fresh context outside the request's own (for audit entries of failed calls).</summary>
public interface IMashDbContextFactory
{
    AuditedDbContext Create();
}

/// <summary>
/// A service's database, on the provider named by <c>Mash:Database:Provider</c>: SQLite (the
/// default: <c>ConnectionStrings:{name}</c> if set, else a file named for the service in the
/// data directory) or PostgreSQL (<c>ConnectionStrings:{name}</c> required). Migrations run
/// at start unless <c>Mash:Database:MigrateOnStart</c> is false (never EnsureCreated).
/// </summary>
public static class MashPersistence
{
    public static IServiceCollection AddMashPersistence<TContext>(this WebApplicationBuilder builder, string databaseName)
        where TContext : AuditedDbContext
    {
        var provider = DatabaseSettings.Provider(builder.Configuration);
        var connectionString = ConnectionString(builder.Configuration, databaseName, provider);

        var services = builder.Services;
        services.TryAddSingleton(new MashDatabase(provider, databaseName));
        // Each call's context is leased for its scope and given back to the pool once, when the scope
        // ends. Resolved under several names (TContext, AuditedDbContext, MashDbContext), the scope
        // disposes it once per name; a context of its own from the factory would go back to the pool
        // at the first and be taken from another call at the next (ScopedContextTests).
        services.AddDbContextPool<TContext>((sp, options) =>
        {
            // EF Core looks for interceptors in its own service provider, not the application's:
            // the layers above (the outbox's commit signal) register theirs here.
            options.UseMashDatabase(provider, connectionString).AddInterceptors(sp.GetServices<IInterceptor>());
            if (provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(new SqliteConnectionPragmas());
            }
        });
        // Work outside a call (the outbox relay, failed calls' audit entries) takes contexts of its own,
        // each given back by its one owner, from a pool of their own.
        services.TryAddSingleton<IDbContextFactory<TContext>>(sp => new PooledDbContextFactory<TContext>(sp.GetRequiredService<DbContextOptions<TContext>>()));
        if (provider == DatabaseProvider.Sqlite)
        {
            services.TryAddSingleton(new SqliteWalLimit());
            services.AddHostedService<SqliteWalCheckpointer>();
        }

        // Readiness (gRPC health "") includes it; liveness does not (see MashHealth).
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>("database");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Errors.IStorageFailures, EfStorageFailures>());

        services.AddScoped<AuditedDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IMashDbContextFactory>(sp => new Factory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        return services;
    }

    /// <summary>
    /// The provider and the platform's migrations lookup (one set of migrations per provider),
    /// for the services and for tests that open a service's database themselves.
    /// </summary>
    public static DbContextOptionsBuilder UseMashDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString)),
            _ => options.UseSqlite(connectionString),
        };
        options.AddInterceptors(PlainInserts.Interceptor);
        // Not built from OnModelCreating at every start: the tests hold that the compiled model is that model.
        if (options.Options.ContextType != typeof(DbContext) && CompiledModels.Find(options.Options.ContextType, provider) is { } compiled)
        {
            options.UseModel(compiled);
            if (provider == DatabaseProvider.Sqlite)
            {
                KeptSqliteConnection.UseWhereItApplies(options, compiled);
            }
        }

        // Migrating would otherwise build the design-time model and the snapshot's, and compare them, for
        // every database it finds behind (each new one at first start); the migration tests hold that
        // the model matches its migrations (MigrationAssertions.MatchModel), for both providers.
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>()
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string ConnectionString(IConfiguration configuration, string databaseName, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString(databaseName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            // Never echo a connection string: it carries the database password.
            throw new InvalidOperationException(
                $"{DatabaseSettings.ProviderKey} is PostgreSql but ConnectionStrings:{databaseName} is not set: " +
                $"give this service's database (a secret) as ConnectionStrings__{databaseName}.");
        }

        var file = Path.Combine(MashDataDirectory.Resolve(configuration), databaseName + ".db");
        return $"Data Source={file};Pooling=True";
    }

    private sealed class Factory<TContext>(IDbContextFactory<TContext> inner) : IMashDbContextFactory
        where TContext : AuditedDbContext
    {
        public AuditedDbContext Create() => inner.CreateDbContext();
    }
}

/// <summary>Which database this service runs on (a singleton, for the platform's provider-specific steps).</summary>
public sealed record MashDatabase(DatabaseProvider Provider, string Name);
