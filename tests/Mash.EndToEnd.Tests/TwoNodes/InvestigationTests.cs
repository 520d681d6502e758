using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// The review's girl, as the police node's daily high-risk list sees her: an investigation that has done nothing
/// for ten days appears there with each reason once a high CSE flag on her is raised, at social care or at police.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class InvestigationTests(TwoNodesFixture nodes)
{
    private static Timestamp Ago(TimeSpan span) => Timestamp.FromDateTime(DateTime.UtcNow - span);

    [Fact]
    public async Task A_high_CSE_flag_raised_at_social_care_or_at_police_puts_the_stalled_police_investigation_on_the_daily_list()
    {
        var investigator = await nodes.Police.AsAsync("police-investigator");
        var fromSocialCare = TestChildren.New("Stalled");
        var fromPolice = TestChildren.New("Stalled");
        async Task<string> OpenAsync(ChildIdentity child) => (await nodes.Police.Investigations().OpenInvestigationAsync(new OpenInvestigationRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Children = { child }, Source = new InvestigationSource { Kind = SourceKind.Referral, Id = "ref_e2e" },
            Summary = "An adult man contacting her on Facebook", OpenedAt = Ago(TimeSpan.FromDays(10)),
        }, investigator)).InvestigationId;
        var first = await OpenAsync(fromSocialCare);
        var second = await OpenAsync(fromPolice);

        async Task RaiseAsync(NodeClient node, string client, ChildIdentity child) => await node.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, Risk = CseRisk.High, Reason = "Sexualised messages from an adult met online",
            Evidence = "Screenshots", LawfulBasis = LawfulBasis.SafeguardingOfChildren,
        }, await node.AsAsync(client));
        await RaiseAsync(nodes.SocialCare, "social-care-mash", fromSocialCare);
        await RaiseAsync(nodes.Police, "police-mash", fromPolice);

        var listed = await Eventually.Get(async () =>
        {
            var list = await nodes.Police.Investigations().ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest { Page = new PageRequest { PageSize = 200 } }, investigator);
            var ours = list.Investigations.Where(i => i.InvestigationId == first || i.InvestigationId == second).ToList();
            return ours.Count == 2 ? ours : null;
        }, timeout: TimeSpan.FromSeconds(30), what: "both investigations on the police node's stalled list");

        Assert.All(listed, i => Assert.Equal(["high CSE flag"], i.HighRiskBecause));
        Assert.All(listed, i => Assert.Equal(
            [StallReason.NoAbeInterview, StallReason.NoSafeguardingMeasure, StallReason.NoSupervisoryReview], i.Stalls.Select(s => s.Reason)));
        Assert.All(listed, i => Assert.InRange(i.Stalls[0].Days, 9.9, 10.1));

        // The MASH daily meeting's high-risk list at the police node says so too, with how long each gap has lasted.
        var mash = await nodes.Police.AsAsync("police-mash");
        var daily = await Eventually.Get(async () =>
        {
            var list = await nodes.Police.Assessments().ListDailyHighRiskAsync(new ListDailyHighRiskRequest { Page = new PageRequest { PageSize = 200 } }, mash);
            var reasons = list.Children.SelectMany(c => c.Reasons).Where(r => r.StartsWith($"Investigation {first} ", StringComparison.Ordinal)).ToList();
            return reasons.Count == 1 ? reasons[0] : null;
        }, timeout: TimeSpan.FromSeconds(30), what: "the stalled investigation on the police daily high-risk list");
        Assert.Contains("no achieving-best-evidence interview for 10 days", daily, StringComparison.Ordinal);
    }
}
