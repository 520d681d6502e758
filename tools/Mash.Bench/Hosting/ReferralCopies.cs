namespace Mash.Bench.Hosting;

/// <summary>
/// Fills a stopped referral service's SQLite database fast (<see cref="TableCopies"/>): 100,000 rows in seconds,
/// against many minutes through the API, whose every submit is an audited, fsynced commit.
/// </summary>
public static class ReferralCopies
{
    public static Task<long> FillAsync(string databaseFile, long wanted) => TableCopies.FillAsync(databaseFile, "Referrals", wanted);
}
