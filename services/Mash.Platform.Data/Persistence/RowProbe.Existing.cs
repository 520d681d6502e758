using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

public sealed partial class RowProbe<TEntity>
{
    /// <summary>
    /// Which of <paramref name="values"/> have a row, for a probe of one column: a group's lookups (at most a few hundred
    /// values) at the cost of one round trip on PostgreSQL (<see cref="RowQuestions.AskAsync"/>), each the statement
    /// <see cref="ExistsAsync"/> sends, an index lookup. Not one <c>= ANY</c> over the values: prepared while its table
    /// was small, that statement's generic plan stays a sequential scan until the table is next analysed (38 ms a call
    /// at 27,000 rows in the benchmark, see docs/benchmarks.md).
    /// </summary>
    public async Task<HashSet<TValue>> ExistingAsync<TValue>(DbContext db, IReadOnlyCollection<TValue> values, CancellationToken cancellationToken)
        where TValue : notnull
    {
        if (_properties.Length != 1)
        {
            throw new InvalidOperationException($"A probe of {string.Join(", ", _properties)} takes a value for each; ask ExistsAsync row by row.");
        }

        TValue[] asked = [.. values];
        var answers = await RowQuestions.AskAsync(db, cancellationToken, [.. asked.Select(value => With(value))]);
        var existing = new HashSet<TValue>();
        for (var i = 0; i < asked.Length; i++)
        {
            if (answers[i])
            {
                existing.Add(asked[i]);
            }
        }

        return existing;
    }
}
