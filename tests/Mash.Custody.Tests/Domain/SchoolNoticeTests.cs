using Mash.Contracts.Encompass.V1;
using Mash.Custody.Domain.Encompass;

namespace Mash.Custody.Tests.Domain;

/// <summary>Where a notification stands, and how the partnership's figures count it.</summary>
public sealed class SchoolNoticeTests
{
    private static readonly DateTime Incident = new(2026, 11, 27, 19, 0, 0, DateTimeKind.Utc); // Friday evening
    private static readonly DateTime Due = new(2026, 11, 30, 8, 45, 0, DateTimeKind.Utc); // Monday before school

    private static NoticeFacts Notice(DateTime? found = null, DateTime? noSchool = null, DateTime? acknowledged = null, DateTime? visibleFrom = null) =>
        new(Due, visibleFrom ?? Incident, found, noSchool, acknowledged);

    [Fact]
    public void A_notification_waits_for_its_school_is_with_it_once_found_and_is_overdue_only_after_the_school_day_started()
    {
        Assert.Equal(NotificationState.AwaitingSchool, Notice().StateAt(Incident.AddHours(1)));
        var found = Notice(found: Incident.AddMinutes(20));

        Assert.Equal(NotificationState.WithSchool, found.StateAt(Incident.AddHours(1)));
        Assert.False(found.OverdueAt(Due));
        Assert.True(found.OverdueAt(Due.AddMinutes(1)));
        Assert.True(found.DeliveredOnTime);
    }

    [Fact]
    public void Held_until_term_it_is_not_visible_to_the_school_nor_delivered_until_the_first_day_of_term()
    {
        var termStarts = new DateTime(2027, 1, 4, 0, 0, 0, DateTimeKind.Utc);
        var held = new NoticeFacts(termStarts.AddHours(8.75), termStarts, Incident, null, null);

        Assert.Equal(NotificationState.HeldUntilTerm, held.StateAt(termStarts.AddDays(-3)));
        Assert.False(held.VisibleToSchoolAt(termStarts.AddDays(-3)));
        Assert.Null(held.DeliveredBy(termStarts.AddDays(-3)));
        Assert.Equal(NotificationState.WithSchool, held.StateAt(termStarts));
        Assert.Equal(termStarts, held.DeliveredBy(termStarts));
        Assert.True(held.DeliveredOnTime);
    }

    [Fact]
    public void Acknowledged_or_no_school_found_closes_it_so_it_is_never_overdue()
    {
        Assert.Equal(NotificationState.Acknowledged, Notice(found: Incident, acknowledged: Due.AddHours(1)).StateAt(Due.AddDays(2)));
        Assert.False(Notice(found: Incident, acknowledged: Due.AddHours(1)).OverdueAt(Due.AddDays(2)));
        Assert.Equal(NotificationState.NoSchoolFound, Notice(noSchool: Due.AddHours(2)).StateAt(Due.AddDays(2)));
        Assert.False(Notice(noSchool: Due.AddHours(2)).OverdueAt(Due.AddDays(2)));
        Assert.False(Notice(noSchool: Due.AddHours(2)).VisibleToSchoolAt(Due.AddDays(2)));
    }

    [Fact]
    public void The_figures_count_on_time_late_acknowledged_no_school_waiting_and_overdue_with_the_median_hours_to_acknowledgement()
    {
        var now = Due.AddDays(1);
        var figures = NotificationFigures.Of(
        [
            new(Incident, Notice(found: Incident.AddMinutes(5), acknowledged: Incident.AddHours(14))),
            new(Incident, Notice(found: Incident.AddMinutes(5), acknowledged: Incident.AddHours(20))),
            new(Incident, Notice(found: Due.AddHours(3))),
            new(Incident, Notice(noSchool: Incident.AddHours(30))),
            new(Incident, Notice()),
        ], now);

        Assert.Equal((5, 2, 1, 2, 1, 1, 2), (figures.NotificationsReceived, figures.DeliveredOnTime, figures.DeliveredLate, figures.Acknowledged,
            figures.NoSchoolFound, figures.AwaitingSchool, figures.OverdueNow));
        Assert.Equal(17, figures.AcknowledgedMedianHours);
    }

    [Theory]
    [InlineData("131234", true)]
    [InlineData("1456789", true)]
    [InlineData("12345", false)]
    [InlineData("12345678", false)]
    [InlineData("13123A", false)]
    [InlineData("", false)]
    public void A_school_reference_number_is_six_or_seven_digits(string urn, bool valid) =>
        Assert.Equal(valid, EncompassRequestRules.IsUrn(urn));
}
