using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mash.Bench.Hosting;

/// <summary>
/// Fills a stopped referral service's SQLite database fast: every referral already stored (by
/// real `SubmitReferral` calls) is copied with a new id and idempotency key until the table
/// holds the number wanted. One INSERT ... SELECT in one transaction: 100,000 rows in seconds,
/// against many minutes through the API, whose every submit is an audited, fsynced commit.
/// </summary>
public static class ReferralCopies
{
    public static async Task<long> FillAsync(string databaseFile, long wanted)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Referrals')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var stored = await CountAsync(connection);
        if (stored == 0 || stored >= wanted)
        {
            return stored;
        }

        var copies = (long)Math.Ceiling((double)(wanted - stored) / stored);
        var select = columns.Select(c => c switch
        {
            "Id" => "r.Id || '-c' || n.i",
            "IdempotencyKey" => "r.IdempotencyKey || '-c' || n.i",
            _ => "r.\"" + c + "\"",
        });
        await using (var transaction = await connection.BeginTransactionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText =
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies) " +
                $"INSERT INTO Referrals ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) " +
                $"SELECT {string.Join(", ", select)} FROM (SELECT * FROM Referrals) r CROSS JOIN n LIMIT $extra";
            insert.Parameters.AddWithValue("$copies", copies);
            insert.Parameters.AddWithValue("$extra", wanted - stored);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        return await CountAsync(connection);
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Referrals";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
