using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>A <see cref="RowProbe{TEntity}"/>'s statement for one model: its SQL in both parameter styles and each column's conversion.</summary>
internal sealed class ProbeStatement
{
    public ProbeStatement(IModel model, Type entity, string[] properties)
    {
        var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"The model has no {entity.Name}.");
        var (table, name) = ModelSql.TableOf(type);
        var mapped = properties.Select(property => type.FindProperty(property)
            ?? throw new InvalidOperationException($"{entity.Name} has no property {property}.")).ToArray();
        Columns = [.. mapped.Select((p, i) => ($"@w{i}", (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
        string Exists(Func<int, string> parameter) =>
            $"SELECT EXISTS (SELECT 1 FROM {name} WHERE " + string.Join(" AND ", mapped.Select((p, i) => $"{ModelSql.Column(p, table)} = {parameter(i)}")) + ")";
        Sql = Exists(i => Columns[i].Parameter);
        PositionalSql = Exists(i => $"${i + 1}");
    }

    public string Sql { get; }

    /// <summary>The same, its values positional (<c>$1</c>): a statement of a PostgreSQL batch.</summary>
    public string PositionalSql { get; }

    public (string Parameter, RelationalTypeMapping Mapping)[] Columns { get; }
}
