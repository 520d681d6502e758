using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Domain;

public sealed class MeasureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static AddPreventativeMeasureRequest Cawn(params ProtectedChild[] children) => new()
    {
        IdempotencyKey = "k",
        OffenderId = "off_1",
        Type = MeasureType.ChildAbductionWarningNotice,
        StartsOn = Samples.Day(Today),
        ExpiresOn = Samples.Day(Today.AddYears(2)),
        Conditions = "No contact with the named children; not to be in their company.",
        ProtectedChildren = { children },
    };

    [Fact]
    public void A_measure_is_in_force_from_its_start_to_its_expiry_inclusive()
    {
        Assert.True(MeasureRules.IsActive(Today, Today, Today));
        Assert.False(MeasureRules.IsActive(Today.AddDays(1), null, Today));
        Assert.False(MeasureRules.IsActive(Today.AddDays(-30), Today.AddDays(-1), Today));
        Assert.True(MeasureRules.IsActive(Today.AddYears(-6), null, Today));
    }

    [Fact]
    public void Expiring_soon_means_in_force_and_ending_within_the_days_asked()
    {
        var started = Today.AddYears(-1);
        Assert.True(MeasureRules.IsExpiringWithin(started, Today, Today, 28));
        Assert.True(MeasureRules.IsExpiringWithin(started, Today.AddDays(28), Today, 28));
        Assert.False(MeasureRules.IsExpiringWithin(started, Today.AddDays(29), Today, 28));
        Assert.False(MeasureRules.IsExpiringWithin(started, Today.AddDays(-1), Today, 28));
        Assert.False(MeasureRules.IsExpiringWithin(started, null, Today, 28));
        Assert.False(MeasureRules.IsExpiringWithin(Today.AddDays(1), Today.AddDays(10), Today, 28));
    }

    [Fact]
    public void A_notice_for_a_17_year_old_not_in_care_is_refused_naming_the_child()
    {
        var violations = MeasureRules.Validate(Cawn(
            new ProtectedChild { Child = Samples.Child("Dana", Today.AddYears(-10)) },
            new ProtectedChild { Child = Samples.Child("Erin", Today.AddYears(-17)) }), Today);

        var refusal = Assert.Single(violations.Items);
        Assert.Equal("protected_children[1].child.date_of_birth", refusal.Field);
        Assert.Contains("Erin Example is 17", refusal.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_names_the_children_and_expires_an_order_may_run_until_further_order()
    {
        var notice = Cawn();
        notice.ExpiresOn = null;
        Assert.Equal(["expires_on", "protected_children"], MeasureRules.Validate(notice, Today).Items.Select(i => i.Field));

        var order = Cawn();
        order.Type = MeasureType.SexualHarmPreventionOrder;
        order.ExpiresOn = null;
        Assert.False(MeasureRules.Validate(order, Today).HasViolations);
    }

    [Fact]
    public void A_measure_expires_after_it_starts_and_is_not_recorded_once_expired()
    {
        var bail = Cawn();
        bail.Type = MeasureType.BailConditions;
        bail.StartsOn = Samples.Day(Today.AddDays(-10));
        bail.ExpiresOn = Samples.Day(Today.AddDays(-11));
        bail.Conditions = "";

        Assert.Equal(["expires_on", "expires_on", "conditions"], MeasureRules.Validate(bail, Today).Items.Select(i => i.Field));
    }

    [Theory]
    [InlineData(1, 1, 1, 2027, 1, 1, "starts_on")]          // year 0001: a typing slip
    [InlineData(2028, 1, 1, 2029, 1, 1, "starts_on")]       // starting more than a year ahead is not a plan
    [InlineData(2026, 11, 23, 9999, 12, 31, "expires_on")]  // beyond any term: an order without end has no expiry
    public void A_day_beyond_the_sanity_bounds_is_refused_naming_the_field(int y1, int m1, int d1, int y2, int m2, int d2, string field)
    {
        var order = Cawn(new ProtectedChild { Child = Samples.Child("Dana", Today.AddYears(-10)) });
        order.StartsOn = Samples.Day(new DateOnly(y1, m1, d1));
        order.ExpiresOn = Samples.Day(new DateOnly(y2, m2, d2));

        Assert.Equal([field], MeasureRules.Validate(order, Today).Items.Select(i => i.Field));
    }

    [Fact]
    public void An_order_for_ten_years_from_next_month_is_accepted()
    {
        var order = Cawn(new ProtectedChild { Child = Samples.Child("Dana", Today.AddYears(-10)) });
        order.Type = MeasureType.SexualHarmPreventionOrder;
        order.StartsOn = Samples.Day(Today.AddMonths(1));
        order.ExpiresOn = Samples.Day(Today.AddMonths(1).AddYears(10));

        Assert.False(MeasureRules.Validate(order, Today).HasViolations);
    }
}
