using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Referral.Domain;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Domain;

public sealed class ReferralValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static List<string> Fields(SubmitReferralRequest request, Func<string, bool>? areaKnown = null) =>
        [.. ReferralValidator.Validate(request, Today, areaKnown ?? (_ => true)).Items.Select(v => v.Field)];

    [Fact]
    public void A_full_referral_is_valid() => Assert.Empty(Fields(Samples.Submit("k")));

    [Fact]
    public void A_referral_without_an_nhs_number_is_valid_but_a_wrong_one_is_not()
    {
        Assert.Empty(Fields(Samples.Submit("k", Samples.FullReferral(nhsNumber: ""))));
        Assert.Equal(["details.child.nhs_number"], Fields(Samples.Submit("k", Samples.FullReferral(nhsNumber: "9434765910"))));
        Assert.Equal(["details.child.nhs_number"], Fields(Samples.Submit("k", Samples.FullReferral(nhsNumber: "94347659"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    public void The_idempotency_key_must_be_given_and_printable(string key) =>
        Assert.Contains("idempotency_key", Fields(Samples.Submit(key)));

    [Fact]
    public void An_over_long_key_is_refused() =>
        Assert.Contains("idempotency_key", Fields(Samples.Submit(new string('k', Mash.Platform.Idempotency.IdempotencyKeys.MaxLength + 1))));

    [Fact]
    public void Dates_of_birth_must_be_real_and_not_in_the_future()
    {
        var future = Samples.FullReferral();
        future.Child.DateOfBirth = new Date { Year = 2027, Month = 1, Day = 1 };
        Assert.Equal(["details.child.date_of_birth"], Fields(Samples.Submit("k", future)));

        var impossible = Samples.FullReferral();
        impossible.HouseholdMembers[0].Person.DateOfBirth = new Date { Year = 2023, Month = 2, Day = 29 };
        Assert.Equal(["details.household_members[0].date_of_birth"], Fields(Samples.Submit("k", impossible)));
    }

    [Fact]
    public void Unknown_enum_numbers_and_unknown_areas_are_refused()
    {
        var details = Samples.FullReferral();
        details.Child.Sex = (Sex)42;
        details.Concern.Category = (AbuseCategory)42;
        details.Area = "atlantis";

        Assert.Equal(["details.area", "details.child.sex", "details.concern.category"],
            Fields(Samples.Submit("k", details), area => area != "atlantis").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Oversized_text_is_refused_by_field()
    {
        var details = Samples.FullReferral();
        details.Concern.Description = new string('x', ReferralValidator.MaxLongText + 1);
        details.Child.School = new string('x', ReferralValidator.MaxShortText + 1);

        Assert.Equal(["details.child.school", "details.concern.description"], Fields(Samples.Submit("k", details)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_details_message_is_one_violation() =>
        Assert.Equal(["details"], Fields(new SubmitReferralRequest { IdempotencyKey = "k" }));
}
