using Mash.Contracts.Referral.V1;
using Microsoft.Data.Sqlite;

namespace Mash.Bench.Hosting;

/// <summary>
/// Fills a stopped referral service's SQLite database fast (<see cref="TableCopies"/>): 100,000 rows in seconds,
/// against many minutes through the API, whose every submit is an audited, fsynced commit. The copies are
/// decided referrals, the history a MASH keeps; the queue itself stays as long as <c>backlog</c>: the oldest
/// undecided referrals stay waiting and any others are marked decided, so each size of store is measured with
/// the same queue in front of it.
/// </summary>
public static class ReferralCopies
{
    private const int Decided = (int)ReferralStatus.Decided;

    public static async Task<long> FillAsync(string databaseFile, long wanted, int backlog)
    {
        var stored = await TableCopies.FillAsync(
            databaseFile, "Referrals", wanted, copyValues: new Dictionary<string, string> { ["Status"] = Decided.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var trim = connection.CreateCommand();
        trim.CommandText =
            "UPDATE \"Referrals\" SET \"Status\" = $decided WHERE \"Status\" <> $decided AND \"Id\" NOT IN " +
            "(SELECT \"Id\" FROM \"Referrals\" WHERE \"Status\" <> $decided ORDER BY \"ReceivedAt\", \"Id\" LIMIT $backlog)";
        trim.Parameters.AddWithValue("$decided", Decided);
        trim.Parameters.AddWithValue("$backlog", backlog);
        await trim.ExecuteNonQueryAsync();
        return stored;
    }
}
