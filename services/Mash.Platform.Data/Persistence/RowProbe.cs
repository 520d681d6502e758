using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

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
/// A path that asks several probes before it writes asks them together (<see cref="With"/>, <see cref="RowQuestions"/>).
/// </remarks>
public sealed partial class RowProbe<TEntity>
    where TEntity : class
{
    private readonly string[] _properties;
    private readonly PerModel<ProbeStatement> _statements;

    /// <param name="columns">The properties compared, in the order <see cref="ExistsAsync"/> takes their values.</param>
    public RowProbe(params Expression<Func<TEntity, object?>>[] columns)
    {
        _properties = [.. columns.Select(NameOf)];
        _statements = new(model => new ProbeStatement(model, typeof(TEntity), _properties));
    }

    /// <param name="values">One for each column, in the order given to the constructor, of the property's type.</param>
    public Task<bool> ExistsAsync(DbContext db, CancellationToken cancellationToken, params object[] values) =>
        With(values).ExistsAsync(db, cancellationToken);

    /// <summary>The question <see cref="ExistsAsync"/> asks, to ask beside others in one round trip (<see cref="RowQuestions.AskAsync"/>).</summary>
    /// <param name="values">As <see cref="ExistsAsync"/> takes them.</param>
    public RowQuestion With(params object[] values)
    {
        if (values.Length != _properties.Length || Array.IndexOf(values, null) >= 0)
        {
            throw new ArgumentException($"Give a value that is not null for each of {string.Join(", ", _properties)}.", nameof(values));
        }

        return new RowQuestion(_statements, values);
    }

    private static string NameOf(Expression<Func<TEntity, object?>> column) => column.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException($"A column is a property of {typeof(TEntity).Name}, as in r => r.Id; not {column}.", nameof(column)),
    };
}
