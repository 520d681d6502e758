using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// "Is there a row of <typeparamref name="TEntity"/> with these values?", asked in plain SQL (<c>SELECT EXISTS</c>),
/// kept prepared on SQLite, for the lookups a hot path makes before it writes, whose answer is nearly always no: an
/// idempotency key used for the first time, a child new to the service. Even a compiled EF Core query costs its query
/// pipeline (a query context, a relational command, a reader and its disposal) when it finds nothing: 5.9 % of the
/// node's samples in a durable submit. Read the row itself through EF Core when the probe finds one.
/// </summary>
/// <remarks>
/// Table, columns and each value's conversion come from the context's model, once per model (each service has one
/// per provider). Values are compared with <c>=</c>, as EF Core translates <c>==</c> for a value that is not null; a
/// null value is refused, since <c>= NULL</c> matches nothing. The query runs in the context's transaction, if any.
/// </remarks>
public sealed partial class RowProbe<TEntity>
    where TEntity : class
{
    private readonly string[] _properties;
    private readonly PerModel<Statement> _statements;

    /// <param name="columns">The properties compared, in the order <see cref="ExistsAsync"/> takes their values.</param>
    public RowProbe(params Expression<Func<TEntity, object?>>[] columns)
    {
        _properties = [.. columns.Select(NameOf)];
        _statements = new(model => new Statement(model, _properties));
    }

    /// <param name="values">One for each column, in the order given to the constructor, of the property's type.</param>
    public async Task<bool> ExistsAsync(DbContext db, CancellationToken cancellationToken, params object[] values)
    {
        if (values.Length != _properties.Length || Array.IndexOf(values, null) >= 0)
        {
            throw new ArgumentException($"Give a value that is not null for each of {string.Join(", ", _properties)}.", nameof(values));
        }

        var statement = _statements.For(db);
        return await KeptStatements.RunInContextAsync(db.Database, statement.Sql, (statement, values), static async (command, state, cancellationToken) =>
        {
            for (var i = 0; i < state.values.Length; i++)
            {
                var (parameter, mapping) = state.statement.Columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, parameter, state.values[i], nullable: false));
            }

            // SQLite answers 0 or 1, PostgreSQL a boolean.
            return await command.ExecuteScalarAsync(cancellationToken) switch
            {
                bool found => found,
                var found => Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) != 0,
            };
        }, cancellationToken);
    }

    private static string NameOf(Expression<Func<TEntity, object?>> column) => column.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException($"A column is a property of {typeof(TEntity).Name}, as in r => r.Id; not {column}.", nameof(column)),
    };

    private sealed class Statement
    {
        public Statement(IModel model, string[] properties)
        {
            var type = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"The model has no {typeof(TEntity).Name}.");
            var (table, name) = ModelSql.TableOf(type);
            var mapped = properties.Select(property => type.FindProperty(property)
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {property}.")).ToArray();
            Columns = [.. mapped.Select((p, i) => ($"@w{i}", (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
            Sql = $"SELECT EXISTS (SELECT 1 FROM {name} WHERE " +
                string.Join(" AND ", mapped.Select((p, i) => $"{ModelSql.Column(p, table)} = {Columns[i].Parameter}")) + ")";
            PositionalSql = $"SELECT EXISTS (SELECT 1 FROM {name} WHERE " +
                string.Join(" AND ", mapped.Select((p, i) => $"{ModelSql.Column(p, table)} = ${i + 1}")) + ")";
        }

        public string Sql { get; }

        /// <summary>The same, its values positional (<c>$1</c>): a statement of a PostgreSQL batch.</summary>
        public string PositionalSql { get; }

        public (string Parameter, RelationalTypeMapping Mapping)[] Columns { get; }
    }
}
