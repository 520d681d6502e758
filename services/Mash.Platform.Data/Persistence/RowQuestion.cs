using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

/// <summary>A <see cref="RowProbe{TEntity}"/>'s question with its values: "is there such a row?" (<see cref="RowProbe{TEntity}.With"/>).</summary>
public readonly struct RowQuestion
{
    private readonly PerModel<ProbeStatement> _statements;

    internal RowQuestion(PerModel<ProbeStatement> statements, object[] values)
    {
        _statements = statements;
        Values = values;
    }

    internal object[] Values { get; }

    internal ProbeStatement StatementFor(DbContext db) => _statements.For(db);

    /// <summary>Asked alone, in a statement of its own (kept prepared on SQLite), in the context's transaction if any.</summary>
    public async Task<bool> ExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var statement = StatementFor(db);
        return await KeptStatements.RunInContextAsync(db.Database, statement.Sql, (statement, Values), static async (command, state, cancellationToken) =>
        {
            for (var i = 0; i < state.Values.Length; i++)
            {
                var (parameter, mapping) = state.statement.Columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, parameter, state.Values[i], nullable: false));
            }

            return Found(await command.ExecuteScalarAsync(cancellationToken));
        }, cancellationToken);
    }

    /// <summary>SQLite answers <c>SELECT EXISTS</c> with 0 or 1, PostgreSQL with a boolean.</summary>
    private static bool Found(object? answer) => answer switch
    {
        bool found => found,
        var found => Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) != 0,
    };
}
