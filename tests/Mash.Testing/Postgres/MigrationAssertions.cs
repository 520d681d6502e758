using Mash.Platform.Eventing;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Xunit;

namespace Mash.Testing.Postgres;

/// <summary>Checks of a service's two migration sets (one per provider) against its model.</summary>
public static class MigrationAssertions
{
    /// <summary>The ids of the provider's migrations, in order, read without a database.</summary>
    public static IReadOnlyList<string> Ids<TContext>(DatabaseProvider provider)
        where TContext : MashDbContext
    {
        using var db = Offline<TContext>(provider);
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>The provider's migrations exist and produce the model the code expects (no change left unmigrated).</summary>
    public static void MatchModel<TContext>(DatabaseProvider provider)
        where TContext : MashDbContext
    {
        using var db = Offline<TContext>(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model of {typeof(TContext).Name} has changes without a {provider} migration: add one for each provider (docs/postgresql.md).");

        // The service runs on its compiled model, which must be the model its OnModelCreating builds.
        var compiled = CompiledModels.Find(typeof(TContext), provider);
        Assert.True(compiled is not null, $"{typeof(TContext).Name} has no compiled {provider} model: run tools/scripts/compile-models.sh.");
        Assert.Same(compiled, db.Model);
        using var building = Offline<TContext>(provider, compiledModel: false);
        Assert.NotSame(compiled, building.Model);
        Assert.True(Describe(building.Model) == Describe(compiled),
            $"The compiled {provider} model of {typeof(TContext).Name} differs from its model: run tools/scripts/compile-models.sh.");
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.True(db.GetService<IRelationalConnection>() is KeptSqliteConnection,
                $"{typeof(TContext).Name} connects to SQLite with EF Core's functions (a decimal property?): each query then registers and removes them (KeptSqliteConnection).");
        }
    }

    /// <summary>Entities, properties, keys, indexes and their tables and columns, as EF Core describes them.</summary>
    private static string Describe(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.LongDefault) + model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault);

    /// <summary>Every migration of the context's provider is applied and none is pending.</summary>
    public static async Task<bool> FullyMigratedAsync(MashDbContext db)
    {
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        return true;
    }

    /// <summary>The context on the provider, never connected: migrations and model are read from code.</summary>
    private static TContext Offline<TContext>(DatabaseProvider provider, bool compiledModel = true)
        where TContext : MashDbContext
    {
        var connectionString = provider == DatabaseProvider.PostgreSql ? "Host=127.0.0.1;Database=never_opened" : "Data Source=:memory:";
        var builder = new DbContextOptionsBuilder<TContext>();
        var options = compiledModel
            ? builder.UseMashDatabase(provider, connectionString).Options
            : (provider == DatabaseProvider.PostgreSql ? builder.UseNpgsql(connectionString) : builder.UseSqlite(connectionString)).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
