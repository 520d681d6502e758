using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mash.Bench.Hosting;

/// <summary>
/// Fills a table of a stopped service's SQLite database fast: the rows already stored (by real calls) are copied
/// with a new id and idempotency key until the table holds the number wanted, in one INSERT ... SELECT. Copy n can be
/// moved back n % <c>spreadDays</c> days (the given time columns), so a year of activity is spread over the year.
/// </summary>
public static class TableCopies
{
    /// <param name="distinctColumns">Columns each copy must not share with its original (beyond the id and key), e.g. a unique child key.</param>
    /// <param name="distinctUniqueColumns">Also every column of a unique index: copies of events, each with its own event id.</param>
    /// <param name="copyValues">Columns the copies take a value of their own for (an SQL expression), e.g. a status that makes them history.</param>
    public static async Task<long> FillAsync(
        string databaseFile, string table, long wanted, IReadOnlyCollection<string>? spreadColumns = null, int spreadDays = 365,
        IReadOnlyCollection<string>? distinctColumns = null, IReadOnlyDictionary<string, string>? copyValues = null, bool distinctUniqueColumns = false)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        // A table whose key is an INTEGER (the row id) numbers its copies itself: the key is left out of the insert.
        var columns = await NamesAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE NOT (pk = 1 AND type = 'INTEGER' AND (SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE pk > 0) = 1)");
        var unique = distinctUniqueColumns
            ? await NamesAsync(connection, $"SELECT DISTINCT ii.name FROM pragma_index_list('{table}') AS il, pragma_index_info(il.name) AS ii WHERE il.\"unique\" = 1")
            : [];

        var stored = await CountAsync(connection, table);
        if (stored == 0 || stored >= wanted)
        {
            return stored;
        }

        var spread = spreadColumns ?? [];
        var distinct = new HashSet<string>((distinctColumns ?? []).Concat(unique)) { "Id", "IdempotencyKey" };
        var copies = (long)Math.Ceiling((double)(wanted - stored) / stored);
        var values = copyValues ?? new Dictionary<string, string>();
        // A copy's id and key carry the count its fill started from: a later fill, copying copies, never repeats one.
        var select = columns.Select(c => c switch
        {
            _ when values.TryGetValue(c, out var value) => value,
            _ when distinct.Contains(c) => $"r.\"{c}\" || '-c{stored}-' || n.i",
            // EF Core keeps a DateTime as text; strftime keeps the same form, and NULL stays NULL.
            _ when spread.Contains(c) => $"strftime('%Y-%m-%d %H:%M:%f', r.\"{c}\", '-' || (n.i % {spreadDays}) || ' days')",
            _ => "r.\"" + c + "\"",
        });
        await using (var transaction = await connection.BeginTransactionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText =
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies) " +
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) " +
                $"SELECT {string.Join(", ", select)} FROM (SELECT * FROM \"{table}\") r CROSS JOIN n LIMIT $extra";
            insert.Parameters.AddWithValue("$copies", copies);
            insert.Parameters.AddWithValue("$extra", wanted - stored);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return await CountAsync(connection, table);
    }

    private static async Task<List<string>> NamesAsync(SqliteConnection connection, string query)
    {
        var names = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
