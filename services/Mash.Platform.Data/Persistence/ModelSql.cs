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

    /// <summary>
    /// True when <paramref name="type"/>'s row is its own properties, one column each, in a table of its own: no view
    /// or SQL query, owned or complex part, inheritance, shadow property or table shared with another type (table
    /// splitting). The platform's own SQL writes and reads only such rows; EF Core handles the others.
    /// </summary>
    public static bool IsPlainRow(IEntityType type) =>
        type.GetTableName() is { } tableName && type.GetViewName() is null && type.GetSqlQuery() is null
        && !type.IsOwned() && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any()
        && !type.GetComplexProperties().Any() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && !type.GetProperties().Any(p => p.IsShadowProperty())
        && !type.Model.GetEntityTypes().Any(other => other != type && other.GetTableName() == tableName && other.GetSchema() == type.GetSchema());

    /// <summary>The quoted column of <paramref name="property"/> in <paramref name="table"/>.</summary>
    public static string Column(IProperty property, StoreObjectIdentifier table) => $"\"{property.GetColumnName(table)}\"";
}
