using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Mash.Offender.Tests.Support;

namespace Mash.Offender.Tests.Domain;

public sealed class NotificationRulesTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Fact]
    public void A_change_on_a_friday_is_due_by_the_sunday_weekend_days_count()
    {
        // "Within the period of 3 days beginning with" the change: Friday, Saturday, Sunday.
        Assert.Equal(new DateOnly(2026, 11, 22), NotificationRules.ChangeDueBy(Friday));
        Assert.Equal(BreachKind.Unspecified, NotificationRules.Assess(NotificationKind.Change, Friday, new DateOnly(2026, 11, 22), Friday).Breach);
        var monday = NotificationRules.Assess(NotificationKind.Change, Friday, new DateOnly(2026, 11, 23), Friday);
        Assert.Equal(BreachKind.ChangeNotifiedLate, monday.Breach);
        Assert.Equal(1, NotificationRules.DaysLate(monday.DueBy, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_change_notified_the_day_it_happens_is_in_time() =>
        Assert.Equal(BreachKind.Unspecified, NotificationRules.Assess(NotificationKind.Change, Friday, Friday, Friday).Breach);

    [Fact]
    public void A_change_the_police_found_unnotified_is_always_a_breach() =>
        Assert.Equal(new NotificationAssessment(new DateOnly(2026, 11, 22), BreachKind.ChangeNotNotified),
            NotificationRules.Assess(NotificationKind.ChangeNotNotified, Friday, null, Friday));

    [Fact]
    public void The_yearly_reconfirmation_is_due_a_year_after_the_last_notification()
    {
        var registered = new DateOnly(2025, 11, 23);

        Assert.Equal(new DateOnly(2026, 11, 23), NotificationRules.ReconfirmationDueBy(registered));
        Assert.Equal(BreachKind.Unspecified, NotificationRules.Assess(NotificationKind.AnnualReconfirmation, null, new DateOnly(2026, 11, 23), registered).Breach);
        Assert.Equal(BreachKind.ReconfirmationLate, NotificationRules.Assess(NotificationKind.AnnualReconfirmation, null, new DateOnly(2026, 11, 24), registered).Breach);
        Assert.False(NotificationRules.IsOverdue(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)));
        Assert.True(NotificationRules.IsOverdue(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)));
        Assert.False(NotificationRules.IsOverdue(null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Any_notification_by_the_offender_restarts_the_year_a_change_found_unnotified_does_not()
    {
        Assert.True(NotificationRules.IsMadeByOffender(NotificationKind.Change));
        Assert.True(NotificationRules.IsMadeByOffender(NotificationKind.AnnualReconfirmation));
        Assert.False(NotificationRules.IsMadeByOffender(NotificationKind.ChangeNotNotified));
        Assert.Equal(new DateOnly(2027, 3, 2), NotificationRules.NextReconfirmationDueBy(true, null, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_notification_on_29_february_is_reconfirmed_by_28_february() =>
        Assert.Equal(new DateOnly(2029, 2, 28), NotificationRules.ReconfirmationDueBy(new DateOnly(2028, 2, 29)));

    [Fact]
    public void No_reconfirmation_is_due_without_requirements_or_after_they_end()
    {
        var last = new DateOnly(2026, 6, 1);
        Assert.Null(NotificationRules.NextReconfirmationDueBy(false, null, last));
        Assert.Null(NotificationRules.NextReconfirmationDueBy(true, new DateOnly(2027, 5, 31), last));
        Assert.Equal(new DateOnly(2027, 6, 1), NotificationRules.NextReconfirmationDueBy(true, new DateOnly(2027, 6, 1), last));
    }

    [Fact]
    public void A_change_needs_its_day_and_what_changed_and_cannot_be_notified_in_the_future_or_before_it_happened()
    {
        var today = OffenderApp.Today;
        var missing = NotificationRules.Validate(new RecordNotificationRequest { IdempotencyKey = "k", OffenderId = "off_1", Kind = NotificationKind.Change }, today);
        Assert.Equal(["change_occurred_on", "notified_on", "details"], missing.Items.Select(i => i.Field));

        var wrong = NotificationRules.Validate(new RecordNotificationRequest
        {
            IdempotencyKey = "k",
            OffenderId = "off_1",
            Kind = NotificationKind.Change,
            ChangeOccurredOn = Samples.Day(today),
            NotifiedOn = Samples.Day(today.AddDays(1)),
            Details = "Moved",
        }, today);
        Assert.Equal(["notified_on"], wrong.Items.Select(i => i.Field));

        var annual = NotificationRules.Validate(new RecordNotificationRequest
        {
            IdempotencyKey = "k",
            OffenderId = "off_1",
            Kind = NotificationKind.AnnualReconfirmation,
            ChangeOccurredOn = Samples.Day(today),
            NotifiedOn = Samples.Day(today),
            NewAddress = new Contracts.Common.V1.Address { Lines = { "1 New Road" }, Postcode = "WR2 2BB" },
        }, today);
        Assert.Equal(["change_occurred_on", "new_address"], annual.Items.Select(i => i.Field));
    }
}
