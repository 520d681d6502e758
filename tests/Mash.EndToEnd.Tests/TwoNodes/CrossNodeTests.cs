using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;
using Mash.Node.Hosting;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>CSE flags and risk changes travelling between a police node and a social care node.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class CrossNodeTests(TwoNodesFixture nodes)
{
    private static async Task<ChildRiskProfile> ProfileAsync(NodeClient node, ChildIdentity child) =>
        await node.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, await node.AsAsync(ClientOf(node)));

    private static string ClientOf(NodeClient node) => node.Options.Agency == "police" ? "police-mash" : "social-care-mash";

    private static Task<ChildRiskProfile> ProfileWithEntriesAsync(NodeClient node, ChildIdentity child, int count) =>
        Eventually.Get(async () =>
        {
            var profile = await ProfileAsync(node, child);
            return profile.PartnerEntries.Count >= count ? profile : null;
        }, what: $"{count} partner entries at {node.Options.NodeId}");

    [Fact]
    public async Task A_cse_flag_raised_at_police_appears_in_the_social_care_profile_of_the_same_child()
    {
        var child = TestChildren.New();
        var flag = await nodes.Police.Assessments().RaiseCseFlagAsync(CseFlags.Sample(child), await nodes.Police.AsAsync("police-mash"));

        var profile = await ProfileWithEntriesAsync(nodes.SocialCare, child, 1);

        var entry = Assert.Single(profile.PartnerEntries);
        Assert.Equal(nodes.Police.Options.NodeId, entry.OriginNode);
        Assert.Equal(Agency.Police, entry.OriginAgency);
        Assert.Equal(LawfulBasis.LawEnforcement, entry.LawfulBasis);
        Assert.Equal(flag.FlagId, entry.CseFlag.FlagId);
        Assert.Equal(FlagAction.Raised, entry.CseFlag.Action);
        Assert.Equal(CseRisk.High, profile.HighestCseRisk);
        Assert.Equal(ChildMatchStatus.Confirmed, profile.ChildMatch);
    }

    [Fact]
    public async Task A_risk_change_at_social_care_appears_at_police()
    {
        var child = TestChildren.New("Ash");
        var socialCare = nodes.SocialCare;
        var referral = await socialCare.Referrals().SubmitReferralAsync(new SubmitReferralRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Details = new ReferralDetails
            {
                Child = child,
                Concern = new Concern { Description = "Missing overnight three times; returned with gifts.", Category = AbuseCategory.Sexual },
                Referrer = new Referrer { Name = "Social worker", Agency = Agency.ChildrenSocialCare },
                LawfulBasis = LawfulBasis.PublicTask,
            },
        }, await socialCare.AsAsync("social-care-mash"));

        // The MASH at social care decides it for an assessment, which opens on the same node.
        var referralId = referral.Referral.ReferralId;
        await socialCare.Referrals().RecordDecisionAsync(new RecordDecisionRequest
        { ReferralId = referralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Police protection" }, await socialCare.AsAsync("social-care-mash"));
        var assessment = await Eventually.Get(async () =>
        {
            var list = await socialCare.Assessments().ListAssessmentsAsync(new ListAssessmentsRequest { ReferralId = referralId }, await socialCare.AsAsync("social-care-mash"));
            return list.Assessments.FirstOrDefault();
        }, what: "the assessment opened by the decision");
        await socialCare.Assessments().RecordCheckAsync(new RecordCheckRequest
        { AssessmentId = assessment.AssessmentId, Agency = Agency.Police, Result = "Two missing-person reports", InformationFound = true }, await socialCare.AsAsync("social-care-mash"));
        await socialCare.Assessments().CompleteAssessmentAsync(new CompleteAssessmentRequest
        {
            AssessmentId = assessment.AssessmentId,
            RiskLevel = RiskLevel.VeryHigh,
            Rag = Rag.Red,
            Rationale = "Pattern of missing episodes with gifts: CSE",
            SignificantHarmSuspected = true,
        }, await socialCare.AsAsync("social-care-mash"));

        var profile = await ProfileWithEntriesAsync(nodes.Police, child, 1);

        var entry = Assert.Single(profile.PartnerEntries);
        Assert.Equal(socialCare.Options.NodeId, entry.OriginNode);
        Assert.Equal(RiskLevel.VeryHigh, entry.RiskLevel.Level);
        Assert.True(entry.RiskLevel.SignificantHarmSuspected);
        Assert.Equal(RiskLevel.VeryHigh, profile.HighestRiskLevel);
    }

    [Fact]
    public async Task With_the_consumer_stopped_for_a_while_nothing_is_lost_and_each_childs_events_keep_their_order()
    {
        var assessment = nodes.SocialCare.Node.Service(ServiceSpec.Assessment);
        await assessment.KillAsync();
        var child = TestChildren.New("Rae");
        var others = Enumerable.Range(0, 3).Select(_ => TestChildren.New("Other")).ToList();
        var police = nodes.Police.Assessments();
        var headers = await nodes.Police.AsAsync("police-mash");
        var flag = await police.RaiseCseFlagAsync(CseFlags.Sample(child, CseRisk.Medium), headers);
        foreach (var other in others)
        {
            await police.RaiseCseFlagAsync(CseFlags.Sample(other), headers);
        }

        await police.ReviewCseFlagAsync(new ReviewCseFlagRequest { FlagId = flag.FlagId, Risk = CseRisk.High, Reason = "New intelligence", Evidence = "Report 2" }, headers);
        await police.ClearCseFlagAsync(new ClearCseFlagRequest { FlagId = flag.FlagId, Reason = "Moved out of area, risk addressed", Evidence = "Strategy meeting" }, headers);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the events wait in the bus meanwhile

        await nodes.SocialCare.Node.StartAsync(ServiceSpec.Assessment);

        var profile = await ProfileWithEntriesAsync(nodes.SocialCare, child, 3);
        Assert.Equal([FlagAction.Raised, FlagAction.Reviewed, FlagAction.Cleared], profile.PartnerEntries.Select(e => e.CseFlag.Action));
        Assert.Equal(CseRisk.Unspecified, profile.HighestCseRisk);
        foreach (var other in others)
        {
            Assert.Single((await ProfileWithEntriesAsync(nodes.SocialCare, other, 1)).PartnerEntries);
        }
    }

    [Fact]
    public async Task A_consumer_killed_after_applying_an_event_but_before_settling_it_applies_it_exactly_once()
    {
        var node = nodes.SocialCare.Node;
        await node.Service(ServiceSpec.Assessment).KillAsync();
        await node.StartAsync(ServiceSpec.Assessment, new Dictionary<string, string> { ["Mash:Eventing:PauseBeforeSettle"] = "00:01:00" });
        var child = TestChildren.New("Lou");

        var raised = await nodes.Police.Assessments().RaiseCseFlagAsync(CseFlags.Sample(child), await nodes.Police.AsAsync("police-mash"));
        var paused = node.Service(ServiceSpec.Assessment);
        await Eventually.Get(() => Task.FromResult(paused.Output.FirstOrDefault(l => l.Contains("committed, pausing", StringComparison.Ordinal))),
            what: "the consumer to commit the event and pause before settling it");
        await paused.KillAsync(); // kill -9 between commit and settlement

        await node.StartAsync(ServiceSpec.Assessment);
        await Task.Delay(TwoNodesFixture.LockDuration * 3); // the lock expires and the event is redelivered

        var profile = await ProfileWithEntriesAsync(nodes.SocialCare, child, 1);
        var entry = Assert.Single(profile.PartnerEntries);
        Assert.Equal(raised.FlagId, entry.CseFlag.FlagId);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoNodesCollection : ICollectionFixture<TwoNodesFixture>
{
    public const string Name = "two nodes";
}
