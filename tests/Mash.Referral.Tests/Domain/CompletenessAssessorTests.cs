using Mash.Contracts.Referral.V1;
using Mash.Referral.Domain;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Domain;

public sealed class CompletenessAssessorTests
{
    [Fact]
    public void A_referral_with_the_whole_minimum_data_set_scores_100_with_no_issues()
    {
        var result = CompletenessAssessor.Assess(Samples.FullReferral());

        Assert.Equal(100, result.Score);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void An_empty_referral_scores_low_and_names_every_missing_item()
    {
        var result = CompletenessAssessor.Assess(new ReferralDetails());

        Assert.InRange(result.Score, 0, 15);
        Assert.Equal(21, result.Issues.Count); // 23 items; two only apply once their section is given
        Assert.All(result.Issues, i => Assert.Equal(IssueSeverity.Missing, i.Severity));
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        Assert.Contains(result.Issues, i => i.Field == "details.child.nhs_number");
        Assert.Contains(result.Issues, i => i.Field == "details.household_members");
        Assert.Contains(result.Issues, i => i.Field == "details.alleged_perpetrator");
    }

    [Fact]
    public void A_short_concern_is_weak_and_costs_half_its_weight()
    {
        var full = Samples.FullReferral();
        var brief = Samples.FullReferral();
        brief.Concern.Description = "Bruise seen.";

        var issue = Assert.Single(CompletenessAssessor.Assess(brief).Issues);

        Assert.Equal("details.concern.description", issue.Field);
        Assert.Equal(IssueSeverity.Weak, issue.Severity);
        var missing = Samples.FullReferral();
        missing.Concern.Description = "";
        var weakScore = CompletenessAssessor.Assess(brief).Score;
        var missingScore = CompletenessAssessor.Assess(missing).Score;
        Assert.InRange(weakScore, missingScore + 1, CompletenessAssessor.Assess(full).Score - 1);
    }

    [Fact]
    public void Parents_not_told_without_a_reason_is_a_gap_but_consent_given_needs_none()
    {
        var noReason = Samples.FullReferral();
        noReason.ParentalKnowledge.Reason = "";
        Assert.Contains(CompletenessAssessor.Assess(noReason).Issues, i => i.Field == "details.parental_knowledge.reason");

        var consented = Samples.FullReferral();
        consented.ParentalKnowledge = new ParentalKnowledge { ParentsAware = true, Consent = ParentalConsent.Given };
        Assert.DoesNotContain(CompletenessAssessor.Assess(consented).Issues, i => i.Field.StartsWith("details.parental_knowledge", StringComparison.Ordinal));
    }

    [Fact]
    public void Immediate_protection_needed_without_saying_why_is_a_gap()
    {
        var details = Samples.FullReferral();
        details.ImmediateRisk.Details = "";

        Assert.Contains(CompletenessAssessor.Assess(details).Issues, i => i.Field == "details.immediate_risk.details");
    }

    [Fact]
    public void An_alleged_perpetrator_stated_as_not_known_is_an_answer()
    {
        var details = Samples.FullReferral();
        details.AllegedPerpetrator = new AllegedPerpetrator { NotKnown = true };

        Assert.Equal(100, CompletenessAssessor.Assess(details).Score);
    }
}
