using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Persistence;

/// <summary>Creates a fresh context outside the request's own (for audit entries of failed calls).</summary>
public interface IMashDbContextFactory
{
    MashDbContext Create();
}

/// <summary>
/// A service's database: <c>ConnectionStrings:{name}</c> if set, else a SQLite file named for
/// the service in the data directory. Migrations run at start (never EnsureCreated).
/// </summary>
public static class MashPersistence
{
    public static IServiceCollection AddMashPersistence<TContext>(this WebApplicationBuilder builder, string databaseName)
        where TContext : MashDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(databaseName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var file = Path.Combine(MashDataDirectory.Resolve(builder.Configuration), databaseName + ".db");
            connectionString = $"Data Source={file};Pooling=True";
        }

        var services = builder.Services;
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.AddPooledDbContextFactory<TContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<MashDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IMashDbContextFactory>(sp => new Factory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        return services;
    }

    /// <summary>Applies pending migrations before the service takes calls.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app)
        where TContext : MashDbContext
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never wait for the writer; the setting lives in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private sealed class Factory<TContext>(IDbContextFactory<TContext> inner) : IMashDbContextFactory
        where TContext : MashDbContext
    {
        public MashDbContext Create() => inner.CreateDbContext();
    }
}
