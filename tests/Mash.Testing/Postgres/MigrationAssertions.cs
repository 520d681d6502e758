using Mash.Platform.Eventing;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
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
    }

    /// <summary>Every migration of the context's provider is applied and none is pending.</summary>
    public static async Task<bool> FullyMigratedAsync(MashDbContext db)
    {
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        return true;
    }

    /// <summary>The context on the provider, never connected: migrations and model are read from code.</summary>
    private static TContext Offline<TContext>(DatabaseProvider provider)
        where TContext : MashDbContext
    {
        var connectionString = provider == DatabaseProvider.PostgreSql ? "Host=127.0.0.1;Database=never_opened" : "Data Source=:memory:";
        var options = new DbContextOptionsBuilder<TContext>().UseMashDatabase(provider, connectionString).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
