using Microsoft.Data.Sqlite;

namespace Mash.Faults.Tests.Support;

/// <summary>A running service's SQLite file, read beside it (WAL lets a reader in while it writes).</summary>
public sealed class ServiceDatabase(string path)
{
    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> row)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    public async Task<long> CountAsync(string sql) => (await QueryAsync(sql, r => r.GetInt64(0))).Single();
}
