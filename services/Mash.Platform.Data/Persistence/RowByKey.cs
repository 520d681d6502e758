using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mash.Platform.Persistence;

/// <summary>
/// One row of <typeparamref name="TEntity"/> by its primary key, read in plain SQL (kept prepared on SQLite) and made
/// into an entity as EF Core makes it, not tracked: what <c>AsNoTracking().FirstOrDefault(r =&gt; r.Key == key)</c>
/// returns, for the read partners make most (a referral by id). Even compiled, EF Core's query costs its pipeline at
/// every call, and its shaper made a delegate at every run: 12 % of the node's samples in a <c>GetReferral</c>.
/// </summary>
/// <remarks>
/// Table, columns and each value's conversion come from the context's model, once per model (each service has one
/// per provider): each column is read with the reader method EF Core uses for its type mapping and converted back
/// with the property's converter (UTC times, enums as text); a null column leaves a nullable property null. Only a
/// type whose row is its own properties qualifies (<see cref="ModelSql.IsPlainRow"/>), with a key of one column;
/// any other is refused when first used. The query runs in the context's transaction, if any.
/// </remarks>
public sealed class RowByKey<TEntity>
    where TEntity : class
{
    private readonly PerModel<Statement> _statements = new(model => new Statement(model));

    /// <param name="key">The primary key's value, of its property's type; not null.</param>
    public async Task<TEntity?> FindAsync(DbContext db, object key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var statement = _statements.For(db);
        return await KeptStatements.RunInContextAsync(db.Database, statement.Sql, (statement, key), static async (command, state, cancellationToken) =>
        {
            command.Parameters.Add(state.statement.Key.CreateParameter(command, "@k", state.key, nullable: false));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? state.statement.Materialize(reader) : null;
        }, cancellationToken);
    }

    private sealed class Statement
    {
        private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;

        public Statement(IModel model)
        {
            var type = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"The model has no {typeof(TEntity).Name}.");
            if (!ModelSql.IsPlainRow(type) || type.FindPrimaryKey() is not { Properties: [var key] } || typeof(TEntity).GetConstructor(Type.EmptyTypes) is null)
            {
                throw new InvalidOperationException(
                    $"{typeof(TEntity).Name} is not read as a plain row: it needs a key of one column, a constructor without parameters, " +
                    "and a row of its own properties only (no owned or complex part, shadow property, inheritance or shared table).");
            }

            var (table, name) = ModelSql.TableOf(type);
            var properties = type.GetProperties().ToArray();
            Key = (RelationalTypeMapping)key.GetRelationalTypeMapping();
            Sql = $"SELECT {string.Join(", ", properties.Select(p => ModelSql.Column(p, table)))} FROM {name} " +
                $"WHERE {ModelSql.Column(key, table)} = @k LIMIT 1";
            Materialize = Compile(properties);
        }

        public string Sql { get; }

        public RelationalTypeMapping Key { get; }

        public Func<DbDataReader, TEntity> Materialize { get; }

        /// <summary>
        /// <c>reader =&gt; new TEntity { P0 = column 0, ... }</c>, each member the one EF Core sets when it makes an
        /// entity (the backing field, where there is one), compiled once; no nested lambda, so a run makes no delegate.
        /// </summary>
        private static Func<DbDataReader, TEntity> Compile(IProperty[] properties)
        {
            var reader = Expression.Parameter(typeof(DbDataReader), "reader");
            var entity = Expression.Variable(typeof(TEntity), "entity");
            var body = new List<Expression> { Expression.Assign(entity, Expression.New(typeof(TEntity))) };
            for (var i = 0; i < properties.Length; i++)
            {
                var member = properties[i].GetMemberInfo(forMaterialization: true, forSet: true);
                var target = member is FieldInfo field ? Expression.Field(entity, field) : Expression.Property(entity, (PropertyInfo)member);
                body.Add(Expression.Assign(target, ValueOf(properties[i], reader, i, target.Type)));
            }

            body.Add(entity);
            return Expression.Lambda<Func<DbDataReader, TEntity>>(Expression.Block([entity], body), reader).Compile();
        }

        /// <summary>Column <paramref name="ordinal"/> as <paramref name="memberType"/>, read and converted as EF Core does.</summary>
        private static Expression ValueOf(IProperty property, ParameterExpression reader, int ordinal, Type memberType)
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var index = Expression.Constant(ordinal);
            var readMethod = mapping.GetDataReaderMethod();
            Expression value = mapping.CustomizeDataReaderExpression(Expression.Call(reader, readMethod, index));
            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? mapping.ClrType;
            if (value.Type != providerType)
            {
                value = Expression.Convert(value, providerType);
            }

            if (converter is not null)
            {
                // Inlined by the expression compiler: no delegate of the converter's is called.
                value = Expression.Invoke(converter.ConvertFromProviderExpression, value);
            }

            if (value.Type != memberType)
            {
                value = Expression.Convert(value, memberType);
            }

            return property.IsNullable
                ? Expression.Condition(Expression.Call(reader, IsDbNull, index), Expression.Default(memberType), value)
                : value;
        }
    }
}
