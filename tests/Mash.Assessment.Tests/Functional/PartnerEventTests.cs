using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>What partner nodes share, matched to the child by the child key and shown in the risk profile.</summary>
public sealed class PartnerEventTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private const string WestMercia = "west-mercia-police";
    private const string Health = "worcestershire-health";
    private static readonly DateTimeOffset Tuesday = AssessmentApp.MondayMorning.AddDays(-6);

    private Task<ChildRiskProfile> ProfileAsync(ChildIdentity child) =>
        app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = new ChildIdentity { NhsNumber = child.NhsNumber } }, app.As()).ResponseAsync;

    [Fact]
    public async Task A_partners_flag_and_risk_level_appear_in_the_childs_profile_with_their_provenance()
    {
        var child = Samples.Child();
        var flag = await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_wm_1", FlagAction.Raised, CseRisk.High, Tuesday), child, WestMercia, Agency.Police, Tuesday, LawfulBasis.LawEnforcement);
        var level = await app.DeliverPartnerAsync(Topics.RiskChanges, Samples.PartnerLevel(RiskLevel.High, Tuesday.AddDays(1)), child, Health, Agency.Health, Tuesday.AddDays(1));
        Assert.Equal(["completed", "completed"], new[] { flag.Settlement, level.Settlement });

        var profile = await ProfileAsync(child);

        Assert.Equal(ChildMatchStatus.Confirmed, profile.ChildMatch);
        Assert.Empty(profile.LocalFlags);
        Assert.Equal(RiskLevel.Unspecified, profile.LocalRiskLevel);
        Assert.Equal([WestMercia, Health], profile.PartnerEntries.Select(e => e.OriginNode));
        var first = profile.PartnerEntries[0];
        Assert.Equal((Agency.Police, LawfulBasis.LawEnforcement), (first.OriginAgency, first.LawfulBasis));
        Assert.Equal(Tuesday.UtcDateTime, first.OccurredAt.ToDateTime());
        Assert.Equal(AssessmentApp.MondayMorning.UtcDateTime, first.ReceivedAt.ToDateTime());
        Assert.Equal(("cse_wm_1", CseRisk.High), (first.CseFlag.FlagId, first.CseFlag.Risk));
        Assert.Equal(RiskLevel.High, profile.PartnerEntries[1].RiskLevel.Level);
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, profile.PartnerEntries[1].LawfulBasis);
        Assert.Equal(CseRisk.High, profile.HighestCseRisk);
        Assert.Equal(RiskLevel.High, profile.HighestRiskLevel);
    }

    [Fact]
    public async Task A_flag_the_partner_later_clears_no_longer_counts_towards_the_highest_risk()
    {
        var child = Samples.Child();
        await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_wm_2", FlagAction.Raised, CseRisk.High, Tuesday), child, WestMercia, Agency.Police, Tuesday);
        await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "local-medium", CseRisk.Medium), app.As());
        Assert.Equal(CseRisk.High, (await ProfileAsync(child)).HighestCseRisk);

        await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_wm_2", FlagAction.Cleared, CseRisk.High, Tuesday.AddDays(2)), child, WestMercia, Agency.Police, Tuesday.AddDays(2));
        var profile = await ProfileAsync(child);

        Assert.Equal(CseRisk.Medium, profile.HighestCseRisk);
        Assert.Equal([FlagAction.Raised, FlagAction.Cleared], profile.PartnerEntries.Select(e => e.CseFlag.Action));
        var local = Assert.Single(profile.LocalFlags);
        Assert.Equal([FlagAction.Raised], local.History.Select(h => h.Action));
    }

    [Fact]
    public async Task The_local_risk_level_is_the_latest_completed_assessments_and_the_highest_includes_partners()
    {
        var child = Samples.Child();
        var id = await app.StartAssessmentAsync(child);
        await app.Client().RecordCheckAsync(new RecordCheckRequest { AssessmentId = id, Agency = Agency.Police, Result = "Known to police." }, app.As());
        await app.Client().CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = id, RiskLevel = RiskLevel.Medium, Rag = Contracts.Referral.V1.Rag.Amber, Rationale = "r" }, app.As());
        await app.DeliverPartnerAsync(Topics.RiskChanges, Samples.PartnerLevel(RiskLevel.VeryHigh, Tuesday), child, Health, Agency.Health, Tuesday);

        var profile = await ProfileAsync(child);

        Assert.Equal(RiskLevel.Medium, profile.LocalRiskLevel);
        Assert.Equal(RiskLevel.VeryHigh, profile.HighestRiskLevel);
    }

    [Fact]
    public async Task A_partner_event_delivered_twice_is_kept_once()
    {
        var child = Samples.Child();
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        await app.DeliverPartnerAsync(Topics.RiskChanges, Samples.PartnerLevel(RiskLevel.Low, Tuesday), child, Health, Agency.Health, Tuesday, eventId: eventId);
        await app.DeliverPartnerAsync(Topics.RiskChanges, Samples.PartnerLevel(RiskLevel.Low, Tuesday), child, Health, Agency.Health, Tuesday, eventId: eventId);

        Assert.Single((await ProfileAsync(child)).PartnerEntries);
        var childKey = app.ChildKey(child);
        Assert.Equal("partner:" + eventId, await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ChildKey == childKey && e.Method.StartsWith("event:")).Select(e => e.RecordId).SingleAsync()));
    }

    [Fact]
    public async Task This_nodes_own_flags_echoed_back_by_the_broker_are_not_taken_for_a_partners()
    {
        var child = Samples.Child();
        await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_own", FlagAction.Raised, CseRisk.High, Tuesday), child, AssessmentApp.NodeId, Agency.Police, Tuesday);

        Assert.Empty((await ProfileAsync(child)).PartnerEntries);
    }

    [Fact]
    public async Task A_partner_event_that_can_never_be_applied_is_dead_lettered()
    {
        var delivery = await app.DeliverPartnerAsync(Topics.CseFlags, Samples.PartnerFlag("cse_bad", FlagAction.Raised, CseRisk.Unspecified, Tuesday), Samples.Child(), WestMercia, Agency.Police, Tuesday);
        Assert.Equal(("dead-lettered", "IncompleteFlagChange"), (delivery.Settlement, delivery.DeadLetterReason));
    }

    [Fact]
    public async Task A_child_without_an_nhs_number_is_matched_on_demographics_and_marked_unconfirmed()
    {
        var child = Samples.Child(nhsNumber: "");
        await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "unconfirmed"), app.As());

        var profile = await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, app.As());

        Assert.Equal(ChildMatchStatus.Unconfirmed, profile.ChildMatch);
        Assert.Single(profile.LocalFlags);
    }

    [Fact]
    public async Task An_invalid_nhs_number_is_refused() =>
        Assert.Equal(["child.nhs_number"], RpcAssert.ViolatedFields(await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = new ChildIdentity { NhsNumber = "9434765918" } }, app.As()).ResponseAsync)));
}
