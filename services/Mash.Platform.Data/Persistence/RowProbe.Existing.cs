using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mash.Platform.Persistence;

public sealed partial class RowProbe<TEntity>
{
    /// <summary>
    /// Which of <paramref name="values"/> have a row, for a probe of one column: a group's lookups (at most a few hundred
    /// values) at the cost of one round trip. On PostgreSQL the probes travel as one batch, each the statement
    /// <see cref="ExistsAsync"/> sends, an index lookup. Not one <c>= ANY</c> over the values: prepared while its table
    /// was small, that statement's generic plan stays a sequential scan until the table is next analysed (38 ms a call
    /// at 27,000 rows in the benchmark, see docs/benchmarks.md). On SQLite the probes run in turn: there is no round trip
    /// to save.
    /// </summary>
    public async Task<HashSet<TValue>> ExistingAsync<TValue>(DbContext db, IReadOnlyCollection<TValue> values, CancellationToken cancellationToken)
        where TValue : notnull
    {
        if (_properties.Length != 1)
        {
            throw new InvalidOperationException($"A probe of {string.Join(", ", _properties)} takes a value for each; ask ExistsAsync row by row.");
        }

        var existing = new HashSet<TValue>();
        if (values.Count == 0)
        {
            return existing;
        }

        if (db.Database.GetDbConnection() is not NpgsqlConnection)
        {
            foreach (var value in values)
            {
                if (await ExistsAsync(db, cancellationToken, value))
                {
                    existing.Add(value);
                }
            }

            return existing;
        }

        var statement = _statements.For(db);
        var (_, mapping) = statement.Columns[0];
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            foreach (var value in values)
            {
                var probe = new NpgsqlBatchCommand(statement.PositionalSql);
                probe.Parameters.Add(BatchParameters.Positional(mapping, value, nullable: false));
                batch.BatchCommands.Add(probe);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var value in values)
            {
                if (await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0))
                {
                    existing.Add(value);
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return existing;
    }
}
