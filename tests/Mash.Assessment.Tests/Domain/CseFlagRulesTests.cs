using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Tests.Domain;

public sealed class CseFlagRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static RaiseCseFlagRequest Raise(ChildIdentity child, CseRisk risk) => new()
    {
        IdempotencyKey = "k",
        Child = child,
        Risk = risk,
        Reason = "r",
        Evidence = "e",
        LawfulBasis = LawfulBasis.PublicTask,
    };

    [Fact]
    public void A_child_under_13_cannot_be_flagged_low()
    {
        var twelve = new ChildIdentity { GivenName = "Amy", DateOfBirth = new Date { Year = 2013, Month = 11, Day = 24 } };
        var violation = Assert.Single(CseFlagRules.Validate(Raise(twelve, CseRisk.Low), Today).Items);
        Assert.Equal("risk", violation.Field);
        Assert.Equal("a child under 13 is never low CSE risk", violation.Description);

        var thirteenToday = new ChildIdentity { GivenName = "Amy", DateOfBirth = new Date { Year = 2013, Month = 11, Day = 23 } };
        Assert.False(CseFlagRules.Validate(Raise(thirteenToday, CseRisk.Low), Today).HasViolations);
        Assert.False(CseFlagRules.Validate(Raise(twelve, CseRisk.Medium), Today).HasViolations);
    }

    [Fact]
    public void A_child_is_identified_by_a_valid_nhs_number_or_by_name_and_date_of_birth()
    {
        Assert.False(CseFlagRules.Validate(Raise(new ChildIdentity { NhsNumber = "943 476 5919" }, CseRisk.High), Today).HasViolations);
        Assert.Equal(["child.nhs_number"], CseFlagRules.Validate(Raise(new ChildIdentity { NhsNumber = "9434765918" }, CseRisk.High), Today).Items.Select(i => i.Field));
        Assert.Equal(["child.date_of_birth"], CseFlagRules.Validate(Raise(new ChildIdentity { FamilyName = "Example" }, CseRisk.High), Today).Items.Select(i => i.Field));
        Assert.Equal(["child"], CseFlagRules.Validate(new RaiseCseFlagRequest { IdempotencyKey = "k", Risk = CseRisk.High, Reason = "r", Evidence = "e", LawfulBasis = LawfulBasis.Consent }, Today).Items.Select(i => i.Field));
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var fields = CseFlagRules.Validate(new RaiseCseFlagRequest { Child = new ChildIdentity { NhsNumber = "9434765919" } }, Today).Items.Select(i => i.Field).Distinct();
        Assert.Equal(["evidence", "idempotency_key", "lawful_basis", "reason", "risk"], fields.Order(StringComparer.Ordinal));
        Assert.Equal(["evidence", "flag_id", "reason", "risk"], CseFlagRules.Validate(new ReviewCseFlagRequest()).Items.Select(i => i.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["evidence", "flag_id", "reason"], CseFlagRules.Validate(new ClearCseFlagRequest()).Items.Select(i => i.Field).Order(StringComparer.Ordinal));
    }
}
