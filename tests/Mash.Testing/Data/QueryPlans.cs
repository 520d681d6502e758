using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Testing.Data;

/// <summary>
/// SQLite's plan for a query exactly as EF Core writes it, on a database migrated to the service's model: whether a
/// lookup finds its rows through an index or reads the whole table, a cost that grows with every row ever stored.
/// </summary>
public static class QueryPlans
{
    /// <summary>
    /// A context on a new, migrated SQLite database in memory. The context keeps its connection open, and the
    /// database lives as long as that connection: dispose the context to drop it.
    /// </summary>
    public static async Task<TContext> OnEmptyDatabaseAsync<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        var options = (DbContextOptions<TContext>)new DbContextOptionsBuilder<TContext>().UseMashDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:").Options;
        var db = create(options);
        await db.Database.OpenConnectionAsync();
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>The plan's steps, e.g. <c>SEARCH f USING INDEX IX_... (ChildKey=?)</c> or <c>SCAN f</c>.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(DbContext db, IQueryable query)
    {
        // EF Core declares the parameters as ".param set" lines (unbound they are NULL, which the plan does not depend
        // on), and after a split query's first statement says so in a paragraph of its own.
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal))).Trim();
        sql = sql.Split("\n\n")[0];
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    /// <summary>Asserts the query finds its rows through <paramref name="index"/> and reads no table whole.</summary>
    public static async Task AssertUsesIndexAsync(DbContext db, IQueryable query, string index)
    {
        var plan = await OfAsync(db, query);
        var shown = string.Join(" | ", plan);
        Xunit.Assert.True(plan.Any(step => step.Contains($"USING INDEX {index} ", StringComparison.Ordinal)), $"Not through {index}: {shown}");
        Xunit.Assert.False(plan.Any(step => step.StartsWith("SCAN ", StringComparison.Ordinal)), $"A table read whole: {shown}");
    }
}
