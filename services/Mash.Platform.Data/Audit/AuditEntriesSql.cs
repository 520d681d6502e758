using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Audit;

/// <summary>
/// The statements on the audit entries that run at every commit without EF Core, built once per
/// model from its table and columns (quoted with double quotes, as SQLite and PostgreSQL both read).
/// </summary>
internal sealed class AuditEntriesSql
{
    private static readonly ConditionalWeakTable<IModel, AuditEntriesSql> ByModel = [];

    private readonly string _insertInto;
    private readonly ConcurrentDictionary<int, string> _insertByRows = new();
    private readonly ConcurrentDictionary<int, string> _positionalInsertByRows = new();
    // By row, then column: a batch names its parameters again at every commit.
    private readonly ConcurrentDictionary<int, string[]> _parametersByRow = new();

    private AuditEntriesSql(IEntityType entries)
    {
        var (table, name) = ModelSql.TableOf(entries);
        string Column(IProperty property) => ModelSql.Column(property, table);

        var properties = entries.GetProperties().ToList();
        Columns = [.. properties.Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
        _insertInto = $"INSERT INTO {name} ({string.Join(", ", properties.Select(Column))}) VALUES ";
        var sequence = Column(entries.FindProperty(nameof(AuditEntry.Sequence))!);
        SelectLast = $"SELECT {sequence}, {Column(entries.FindProperty(nameof(AuditEntry.Hash))!)} FROM {name} ORDER BY {sequence} DESC LIMIT 1";
    }

    /// <summary>The sequence and hash of the chain's last entry.</summary>
    public string SelectLast { get; }

    /// <summary>Every column of an entry, in the order of <see cref="Insert"/>'s values, with the mapping that converts it.</summary>
    public IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> Columns { get; }

    public static AuditEntriesSql For(IModel model) => ByModel.GetValue(model, m =>
        new(m.FindEntityType(typeof(AuditEntry)) ?? throw new InvalidOperationException("The context has no audit entries.")));

    /// <summary>An insert of <paramref name="rows"/> entries, its values named by <see cref="ParametersOf"/>.</summary>
    public string Insert(int rows) => _insertByRows.GetOrAdd(rows, count => _insertInto + string.Join(", ",
        Enumerable.Range(0, count).Select(row => "(" + string.Join(", ", ParametersOf(row)) + ")")));

    /// <summary>The same insert, its values positional (<c>$1</c>, row by row, then column by column): a statement of a PostgreSQL batch.</summary>
    public string PositionalInsert(int rows) => _positionalInsertByRows.GetOrAdd(rows, count => _insertInto + string.Join(", ",
        Enumerable.Range(0, count).Select(row => "(" + string.Join(", ", Columns.Select((_, column) => $"${(row * Columns.Count) + column + 1}")) + ")")));

    /// <summary>The names of row <paramref name="row"/>'s values in <see cref="Insert"/>, in the order of <see cref="Columns"/>.</summary>
    public string[] ParametersOf(int row) => _parametersByRow.GetOrAdd(row, r => [.. Columns.Select((_, column) => $"@a{r}_{column}")]);
}
