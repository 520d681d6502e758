using Mash.Contracts.Referral.V1;
using Mash.Platform.Persistence;
using Mash.Referral.Tests.Support;
using Mash.Testing.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// The counts the database keeps per role and status (the queue's total and backlog read them instead of
/// counting every referral stored): every way a referral is added, moves on or goes keeps them equal to a
/// count of the rows, on both providers.
/// </summary>
public sealed class ReferralCountsTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Submits_screenings_decisions_and_deletes_keep_the_counts_equal_to_the_rows(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            PostgresServer.Require();
        }

        using var app = provider == DatabaseProvider.PostgreSql ? ReferralApp.WithPostgreSql() : new ReferralApp();
        var client = app.Client();
        var ids = new List<string>();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            ids.Add((await client.SubmitReferralAsync(Samples.Submit("counts-" + key), app.As("police-mash"))).Referral.ReferralId);
        }

        // A retry changes nothing; one screened, one screened and decided.
        await client.SubmitReferralAsync(Samples.Submit("counts-a"), app.As("police-mash"));
        await client.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = ids[0], Rag = Rag.Amber, Rationale = "Needs checks" }, app.As("police-mash"));
        await client.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = ids[1], Rag = Rag.Amber, Rationale = "Needs checks" }, app.As("police-mash"));
        await client.RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = ids[1], Outcome = ReferralOutcome.EarlyHelp, Rationale = "Family support" }, app.As("social-care-mash", "children-social-care"));
        await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == ids[3]).ExecuteDeleteAsync());

        Assert.Equal(await RowCountsAsync(app), await KeptCountsAsync(app));
        Assert.Equal(
            [(ReferralStatus.AwaitingScreening, 1L), (ReferralStatus.AwaitingDecision, 1L), (ReferralStatus.Decided, 1L)],
            (await KeptCountsAsync(app)).Select(c => (c.Status, c.Count)));

        var queue = await client.ListReferralsAsync(new ListReferralsRequest(), app.As("police-mash"));
        Assert.Equal(3, queue.TotalMatching);
        Assert.Equal(2, queue.Backlog.Waiting);
        var undecided = await client.ListReferralsAsync(
            new ListReferralsRequest { Statuses = { ReferralStatus.AwaitingScreening, ReferralStatus.AwaitingDecision } }, app.As("police-mash"));
        Assert.Equal(2, undecided.TotalMatching);
    }

    private static Task<List<(ReferralRole Role, ReferralStatus Status, long Count)>> KeptCountsAsync(ReferralApp app) => app.WithDbAsync(async db =>
        (await db.ReferralCounts.AsNoTracking().Where(c => c.Count > 0).ToListAsync())
            .Select(c => (c.Role, c.Status, c.Count)).OrderBy(c => c.Role).ThenBy(c => c.Status).ToList());

    private static Task<List<(ReferralRole Role, ReferralStatus Status, long Count)>> RowCountsAsync(ReferralApp app) => app.WithDbAsync(async db =>
        (await db.Referrals.AsNoTracking().GroupBy(r => new { r.Role, r.Status }).Select(g => new { g.Key.Role, g.Key.Status, Count = g.LongCount() }).ToListAsync())
            .Select(c => (c.Role, c.Status, c.Count)).OrderBy(c => c.Role).ThenBy(c => c.Status).ToList());
}
