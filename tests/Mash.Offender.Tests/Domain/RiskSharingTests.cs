using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Platform.Auth;

namespace Mash.Offender.Tests.Domain;

public sealed class RiskSharingTests
{
    [Theory]
    [InlineData(OffenderRisk.Low, RiskLevel.Low)]
    [InlineData(OffenderRisk.Medium, RiskLevel.Medium)]
    [InlineData(OffenderRisk.High, RiskLevel.High)]
    [InlineData(OffenderRisk.VeryHigh, RiskLevel.VeryHigh)]
    [InlineData(OffenderRisk.Unspecified, RiskLevel.Unspecified)]
    public void The_offenders_risk_is_the_linked_childs_risk_level(OffenderRisk risk, RiskLevel level) =>
        Assert.Equal(level, RiskSharing.LevelOf(risk));

    [Fact]
    public void The_summary_names_who_the_offender_is_to_the_child()
    {
        Assert.Equal("Household member is a registered sexual offender (MAPPA category 1), risk very high (was high).",
            RiskSharing.Summary(ChildRelationship.HouseholdMember, MappaCategory.RegisteredSexualOffender, OffenderRisk.VeryHigh, OffenderRisk.High));
        Assert.Equal("A person who poses a risk to the child's sibling is a violent offender (MAPPA category 2), risk high.",
            RiskSharing.Summary(ChildRelationship.Sibling, MappaCategory.ViolentOffender, OffenderRisk.High, OffenderRisk.Unspecified));
        Assert.Equal("A person in contact with the child is a person of concern to children (not MAPPA-managed), risk high (was medium).",
            RiskSharing.Summary(ChildRelationship.Contact, MappaCategory.NotMappa, OffenderRisk.High, OffenderRisk.Medium));
        Assert.Equal("sibling", ChildLinkRules.Describe(ChildRelationship.Sibling));
        Assert.Equal("household member", ChildLinkRules.Describe(ChildRelationship.HouseholdMember));
    }

    [Fact]
    public void A_new_link_is_shared_when_the_offender_is_high_or_very_high_risk()
    {
        Assert.False(RiskSharing.IsSharedOnLink(OffenderRisk.Low));
        Assert.False(RiskSharing.IsSharedOnLink(OffenderRisk.Medium));
        Assert.True(RiskSharing.IsSharedOnLink(OffenderRisk.High));
        Assert.True(RiskSharing.IsSharedOnLink(OffenderRisk.VeryHigh));
    }

    [Fact]
    public void A_repeated_review_changes_nothing_a_new_rationale_is_recorded()
    {
        var request = new UpdateOffenderRiskRequest { OffenderId = "off_1", Risk = OffenderRisk.High, Rationale = " ARMS review " };

        Assert.True(RiskRules.IsRepeat(request, OffenderRisk.High, MappaLevel.MultiAgencyManagement, "ARMS review", ""));
        Assert.False(RiskRules.IsRepeat(request, OffenderRisk.High, MappaLevel.MultiAgencyManagement, "Earlier review", ""));
        Assert.False(RiskRules.IsRepeat(request, OffenderRisk.Medium, MappaLevel.MultiAgencyManagement, "ARMS review", ""));
        Assert.False(RiskRules.IsRepeat(request, OffenderRisk.High, MappaLevel.MultiAgencyManagement, "ARMS review", "Source: CHIS 12"));
    }

    [Fact]
    public void Offender_read_beats_read_summary_and_no_role_sees_nothing()
    {
        Assert.Equal(OffenderView.Full, OffenderViews.For(r => r is MashRoles.OffenderRead or MashRoles.OffenderReadSummary));
        Assert.Equal(OffenderView.Full, OffenderViews.For(r => r == MashRoles.OffenderRead));
        Assert.Equal(OffenderView.Summary, OffenderViews.For(r => r == MashRoles.OffenderReadSummary));
        Assert.Equal(OffenderView.Unspecified, OffenderViews.For(r => r == MashRoles.OffenderManage));
    }
}
