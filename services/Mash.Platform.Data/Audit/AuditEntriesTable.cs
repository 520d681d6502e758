using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mash.Platform.Audit;

/// <summary>
/// The audit entries' table and columns as a context's model maps them, quoted for SQL (SQLite and
/// PostgreSQL both quote names with double quotes), for the statements written without EF Core.
/// </summary>
internal sealed class AuditEntriesTable
{
    private readonly StoreObjectIdentifier _table;

    private AuditEntriesTable(IEntityType entries)
    {
        Entries = entries;
        _table = StoreObjectIdentifier.Table(entries.GetTableName()!, entries.GetSchema());
        Name = _table.Schema is null ? $"\"{_table.Name}\"" : $"\"{_table.Schema}\".\"{_table.Name}\"";
    }

    public IEntityType Entries { get; }
    public string Name { get; }

    public static AuditEntriesTable Of(IModel model) =>
        new(model.FindEntityType(typeof(AuditEntry)) ?? throw new InvalidOperationException("The context has no audit entries."));

    public string Column(IProperty property) => $"\"{property.GetColumnName(_table)}\"";

    public string Column(string propertyName) => Column(Entries.FindProperty(propertyName)!);
}
