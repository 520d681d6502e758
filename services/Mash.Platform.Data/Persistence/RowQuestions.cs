using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mash.Platform.Persistence;

/// <summary>
/// Several <see cref="RowProbe{TEntity}"/> questions a path asks before it writes (a submit's "is this key used?" and
/// "is this child new here?"), at the cost of one round trip on PostgreSQL: one <see cref="NpgsqlBatch"/> of their
/// statements, in the context's transaction if any, else in one implicit transaction where each alone had its own. On
/// SQLite they run in turn, each kept prepared: there is no round trip to save.
/// </summary>
public static class RowQuestions
{
    /// <returns>Each question's answer, in the order asked.</returns>
    public static async Task<bool[]> AskAsync(DbContext db, CancellationToken cancellationToken, params IReadOnlyList<RowQuestion> questions)
    {
        var answers = new bool[questions.Count];
        if (questions.Count == 0)
        {
            return answers;
        }

        if (db.Database.GetDbConnection() is not NpgsqlConnection)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                answers[i] = await questions[i].ExistsAsync(db, cancellationToken);
            }

            return answers;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            foreach (var question in questions)
            {
                var statement = question.StatementFor(db);
                var probe = new NpgsqlBatchCommand(statement.PositionalSql);
                for (var i = 0; i < question.Values.Length; i++)
                {
                    probe.Parameters.Add(BatchParameters.Positional(statement.Columns[i].Mapping, question.Values[i], nullable: false));
                }

                batch.BatchCommands.Add(probe);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i] = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
                await reader.NextResultAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return answers;
    }
}
