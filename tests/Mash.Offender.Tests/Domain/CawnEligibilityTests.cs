using Mash.Platform.Identity;
using Mash.Contracts.Common.V1;
using Mash.Offender.Domain;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Domain;

/// <summary>A child abduction warning notice: children under 16, or under 18 in local-authority care.</summary>
public sealed class CawnEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ChildIdentity BornYearsAgo(int years, int daysLater = 0) =>
        Samples.Child("Cara", Today.AddYears(-years).AddDays(daysLater));

    [Fact]
    public void A_child_under_16_can_be_protected_in_care_or_not()
    {
        Assert.Null(CawnEligibility.Refusal(BornYearsAgo(16, daysLater: 1), false, Today));
        Assert.Null(CawnEligibility.Refusal(BornYearsAgo(9), true, Today));
    }

    [Fact]
    public void A_child_turning_16_today_not_in_care_cannot()
    {
        var refusal = CawnEligibility.Refusal(BornYearsAgo(16), false, Today);

        Assert.Equal("A child abduction warning notice protects children under 16, or under 18 in local-authority care: "
            + "Cara Example is 16 on 2026-11-23 and not in local-authority care.", refusal);
    }

    [Fact]
    public void A_looked_after_child_of_16_or_17_can_be_protected_one_not_in_care_cannot()
    {
        Assert.Null(CawnEligibility.Refusal(BornYearsAgo(16), true, Today));
        Assert.Null(CawnEligibility.Refusal(BornYearsAgo(18, daysLater: 1), true, Today));
        Assert.Contains("Cara Example is 17", CawnEligibility.Refusal(BornYearsAgo(17), false, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void On_their_18th_birthday_a_looked_after_child_can_no_longer_be_protected() =>
        Assert.Equal("A child abduction warning notice protects children under 16, or under 18 in local-authority care: "
            + "Cara Example is 18 on 2026-11-23, too old even in local-authority care.", CawnEligibility.Refusal(BornYearsAgo(18), true, Today));

    [Fact]
    public void The_age_counts_on_the_day_the_notice_starts() =>
        Assert.Null(CawnEligibility.Refusal(BornYearsAgo(16), false, Today.AddDays(-1)));

    [Fact]
    public void A_looked_after_child_born_on_29_february_turns_18_on_1_march_in_a_common_year()
    {
        var child = Samples.Child("Leap", new DateOnly(2008, 2, 29));

        Assert.Null(CawnEligibility.Refusal(child, true, new DateOnly(2026, 2, 28)));
        Assert.Contains("is 18 on 2026-03-01", CawnEligibility.Refusal(child, true, new DateOnly(2026, 3, 1)), StringComparison.Ordinal);
        Assert.Equal(17, ChildAge.YearsOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Without_a_date_of_birth_the_age_cannot_be_checked_and_the_child_is_named_by_nhs_number()
    {
        var child = new ChildIdentity { NhsNumber = "943 476 5919" };

        Assert.Equal("Give the child with NHS number 943 476 5919's date of birth: a child abduction warning notice depends on the child's age.",
            CawnEligibility.Refusal(child, false, Today));
    }
}
