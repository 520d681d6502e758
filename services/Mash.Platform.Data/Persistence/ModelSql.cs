using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mash.Platform.Persistence;

/// <summary>
/// Names from a model, quoted for the platform's own SQL (plain inserts, probes, audit entries): double quotes, which
/// SQLite and PostgreSQL both read, as EF Core's migrations created the tables.
/// </summary>
internal static class ModelSql
{
    /// <summary>The table <paramref name="type"/> is mapped to, and its quoted name (with its schema, if any).</summary>
    public static (StoreObjectIdentifier Table, string Quoted) TableOf(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(
            type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} is not mapped to a table."), type.GetSchema());
        return (table, table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"");
    }

    /// <summary>The quoted column of <paramref name="property"/> in <paramref name="table"/>.</summary>
    public static string Column(IProperty property, StoreObjectIdentifier table) => $"\"{property.GetColumnName(table)}\"";
}
