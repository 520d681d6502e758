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
    public static async Task<long> FillAsync(
        string databaseFile, string table, long wanted, IReadOnlyCollection<string>? spreadColumns = null, int spreadDays = 365, IReadOnlyCollection<string>? distinctColumns = null)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var stored = await CountAsync(connection, table);
        if (stored == 0 || stored >= wanted)
        {
            return stored;
        }

        var spread = spreadColumns ?? [];
        var distinct = new HashSet<string>(distinctColumns ?? []) { "Id", "IdempotencyKey" };
        var copies = (long)Math.Ceiling((double)(wanted - stored) / stored);
        var select = columns.Select(c => c switch
        {
            _ when distinct.Contains(c) => $"r.\"{c}\" || '-c' || n.i",
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

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
