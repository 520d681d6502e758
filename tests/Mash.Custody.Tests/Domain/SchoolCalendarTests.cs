using Mash.Custody.Domain.Encompass;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Custody.Tests.Domain;

/// <summary>
/// Operation Encompass: when a school is to know about an incident. Europe/London with England's bank holidays,
/// listed here so the tests do not depend on the shipped file. Expected moments are written with their UK offset:
/// +00:00 in winter (GMT), +01:00 in summer (BST).
/// </summary>
public sealed class SchoolCalendarTests
{
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly DateOnly[] EnglandBankHolidays =
    [
        new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29),
    ];

    private static readonly SchoolHoliday OctoberHalfTerm = new() { From = new(2026, 10, 26), To = new(2026, 10, 30), Name = "October half term" };
    private static readonly SchoolHoliday Christmas = new() { From = new(2026, 12, 19), To = new(2027, 1, 3), Name = "Christmas" };

    private static SchoolCalendar Calendar(AreaSchoolRules? rules = null) => new(EnglandBankHolidays, rules ?? new AreaSchoolRules(), London);

    private static SchoolCalendar WithHolidays(HolidayRule rule = HolidayRule.HoldUntilTerm) =>
        Calendar(new AreaSchoolRules { SchoolHolidays = [OctoberHalfTerm, Christmas], HolidayRule = rule });

    private static DateTime At(int year, int month, int day, int hour, int minute, TimeSpan ukOffset) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, ukOffset).UtcDateTime;

    [Fact]
    public void A_Friday_evening_incident_is_due_before_school_starts_on_Monday()
    {
        var due = Calendar().NextSchoolDayStart(At(2026, 11, 20, 19, 0, Gmt));

        Assert.Equal(new DateTime(2026, 11, 23, 8, 45, 0, DateTimeKind.Utc), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void An_incident_in_the_small_hours_of_a_school_day_is_due_that_same_morning()
    {
        Assert.Equal(At(2026, 11, 24, 8, 45, Gmt), Calendar().NextSchoolDayStart(At(2026, 11, 24, 2, 0, Gmt)));
    }

    [Fact]
    public void An_incident_during_the_school_day_is_due_the_next_morning()
    {
        Assert.Equal(At(2026, 11, 25, 8, 45, Gmt), Calendar().NextSchoolDayStart(At(2026, 11, 24, 10, 0, Gmt)));
        // At 08:45 exactly the day has started: the next start is the one after.
        Assert.Equal(At(2026, 11, 25, 8, 45, Gmt), Calendar().NextSchoolDayStart(At(2026, 11, 24, 8, 45, Gmt)));
    }

    [Fact]
    public void A_bank_holiday_Monday_moves_it_to_Tuesday_and_is_not_a_school_holiday()
    {
        var calendar = WithHolidays();
        var timing = calendar.TimingOf(At(2026, 5, 22, 18, 0, Bst));

        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 5, 25)));
        Assert.False(calendar.IsInSchoolHoliday(new DateOnly(2026, 5, 25)));
        Assert.Equal(At(2026, 5, 26, 8, 45, Bst), timing.DueUtc);
        Assert.False(timing.Held);
        Assert.Equal(At(2026, 5, 22, 18, 0, Bst), timing.VisibleFromUtc);
    }

    [Fact]
    public void Weekends_bank_holidays_and_school_holidays_are_not_school_days()
    {
        var calendar = WithHolidays();

        Assert.True(calendar.IsSchoolDay(new DateOnly(2026, 11, 24)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 11, 21)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 11, 22)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 5, 4)));
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 10, 28)));
        Assert.True(calendar.IsInSchoolHoliday(new DateOnly(2026, 12, 19)));
        Assert.True(calendar.IsInSchoolHoliday(new DateOnly(2027, 1, 3)));
        Assert.False(calendar.IsInSchoolHoliday(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void Over_Christmas_the_notification_is_held_until_midnight_before_the_first_day_of_term_and_due_that_morning()
    {
        var timing = WithHolidays().TimingOf(At(2026, 12, 27, 15, 0, Gmt));

        Assert.True(timing.Held);
        Assert.Equal(At(2027, 1, 4, 0, 0, Gmt), timing.VisibleFromUtc);
        Assert.Equal(At(2027, 1, 4, 8, 45, Gmt), timing.DueUtc);
    }

    [Fact]
    public void Where_schools_watch_their_lists_in_holidays_the_Christmas_notification_is_shown_at_once_and_due_the_same_morning()
    {
        var incident = At(2026, 12, 27, 15, 0, Gmt);

        var timing = WithHolidays(HolidayRule.NotifyAtOnce).TimingOf(incident);

        Assert.Equal(new NotificationTiming(At(2027, 1, 4, 8, 45, Gmt), incident, Held: false), timing);
    }

    [Fact]
    public void The_evening_of_the_last_day_of_term_falls_in_the_holidays()
    {
        var calendar = WithHolidays();

        var christmas = calendar.TimingOf(At(2026, 12, 18, 19, 0, Gmt));
        var halfTerm = calendar.TimingOf(At(2026, 10, 23, 20, 0, Bst));

        Assert.Equal(new NotificationTiming(At(2027, 1, 4, 8, 45, Gmt), At(2027, 1, 4, 0, 0, Gmt), Held: true), christmas);
        Assert.Equal(new NotificationTiming(At(2026, 11, 2, 8, 45, Gmt), At(2026, 11, 2, 0, 0, Gmt), Held: true), halfTerm);
    }

    [Fact]
    public void A_Friday_evening_before_an_ordinary_weekend_does_not_fall_in_the_holidays()
    {
        var incident = At(2026, 11, 20, 19, 0, Gmt);

        var timing = WithHolidays().TimingOf(incident);

        Assert.Equal(new NotificationTiming(At(2026, 11, 23, 8, 45, Gmt), incident, Held: false), timing);
    }

    [Fact]
    public void After_the_clocks_go_back_08_45_on_Monday_is_08_45_UTC()
    {
        var due = Calendar().NextSchoolDayStart(At(2026, 10, 24, 12, 0, Bst));

        Assert.Equal(new DateTime(2026, 10, 26, 8, 45, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void After_the_clocks_go_forward_over_Easter_it_is_due_on_Tuesday_at_08_45_BST_which_is_07_45_UTC()
    {
        var due = Calendar().NextSchoolDayStart(At(2027, 3, 27, 12, 0, Gmt));

        Assert.Equal(new DateTime(2027, 3, 30, 7, 45, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void An_areas_own_school_day_start_is_honoured()
    {
        var calendar = Calendar(new AreaSchoolRules { SchoolDayStart = new TimeOnly(8, 30) });

        Assert.Equal(At(2026, 11, 23, 8, 30, Gmt), calendar.NextSchoolDayStart(At(2026, 11, 20, 19, 0, Gmt)));
        Assert.Equal(At(2026, 11, 25, 8, 30, Gmt), calendar.NextSchoolDayStart(At(2026, 11, 24, 8, 40, Gmt)));
    }

    [Fact]
    public void A_calendar_with_no_school_day_for_years_says_so_rather_than_looping()
    {
        var closed = Calendar(new AreaSchoolRules
        {
            SchoolHolidays = [new() { From = new(2026, 1, 1), To = new(2026, 12, 31) }, new() { From = new(2027, 1, 1), To = new(2027, 12, 31) },
                new() { From = new(2028, 1, 1), To = new(2028, 12, 31) }],
        });

        Assert.Throws<InvalidOperationException>(() => closed.NextSchoolDayStart(At(2026, 3, 2, 12, 0, Gmt)));
    }

    [Theory]
    [InlineData("2022-11-24", "2026-11-23", 3)]   // the day before the 4th birthday
    [InlineData("2008-11-23", "2026-11-23", 18)]  // the 18th birthday
    public void A_child_outside_the_school_ages_is_refused_with_the_rule_and_its_setting(string born, string incident, int age)
    {
        var refusal = SchoolAge.Refusal(DateOnly.Parse(born), DateOnly.Parse(incident), new AreaSchoolRules(), "surrey");

        Assert.Equal(
            $"The child is {age} on the incident's date; this area's notifications to schools are for children aged 4 to 17 (Mash:Encompass:Areas:surrey:MinimumAge, MaximumAge).",
            refusal);
    }

    [Theory]
    [InlineData("2022-11-23", "2026-11-23")]  // the 4th birthday
    [InlineData("2008-11-24", "2026-11-23")]  // the day before the 18th birthday
    public void A_child_of_4_to_17_on_the_incidents_date_is_notified(string born, string incident)
    {
        Assert.Null(SchoolAge.Refusal(DateOnly.Parse(born), DateOnly.Parse(incident), new AreaSchoolRules(), "surrey"));
    }

    [Fact]
    public void A_date_of_birth_after_the_incident_is_refused_as_such()
    {
        var refusal = SchoolAge.Refusal(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 23), new AreaSchoolRules(), "surrey");

        Assert.Equal("The child's date of birth, 2026-12-01, is after the incident's date, 2026-11-23.", refusal);
    }

    [Fact]
    public void Settings_with_a_holiday_ending_before_it_starts_or_ages_upside_down_are_not_usable()
    {
        static EncompassOptions With(AreaSchoolRules rules) => new() { Areas = { ["surrey"] = rules } };

        Assert.True(new EncompassOptions().IsUsable());
        Assert.True(With(new AreaSchoolRules { SchoolHolidays = [OctoberHalfTerm, Christmas] }).IsUsable());
        Assert.False(With(new AreaSchoolRules { SchoolHolidays = [new() { From = new(2026, 10, 30), To = new(2026, 10, 26) }] }).IsUsable());
        Assert.False(With(new AreaSchoolRules { SchoolHolidays = [new() { From = new(2026, 1, 1), To = new(2027, 1, 2) }] }).IsUsable());
        Assert.False(With(new AreaSchoolRules { MinimumAge = 11, MaximumAge = 10 }).IsUsable());
        Assert.False(With(new AreaSchoolRules { MaximumAge = 19 }).IsUsable());
        Assert.False(With(new AreaSchoolRules { MinimumAge = 1 }).IsUsable());
    }

    [Fact]
    public void Each_area_takes_its_own_school_rules_with_the_platforms_bank_holidays_and_zone()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day","date":"2026-12-28"}]}}""");
            var working = new WorkingCalendars(Options.Create(new CalendarOptions { BankHolidaysFile = file }));
            var encompass = Options.Create(new EncompassOptions
            {
                Areas = { ["surrey"] = new AreaSchoolRules { SchoolDayStart = new TimeOnly(8, 30) }, ["default"] = new AreaSchoolRules { MaximumAge = 16 } },
            });
            var calendars = new SchoolCalendars(working, encompass);

            var surrey = calendars.ForArea("Surrey");

            Assert.Same(surrey, calendars.ForArea("surrey"));
            Assert.Equal(new TimeOnly(8, 30), surrey.Rules.SchoolDayStart);
            Assert.Equal(16, calendars.ForArea("kent").Rules.MaximumAge);
            Assert.Equal(London.Id, surrey.Zone.Id);
            Assert.False(surrey.IsSchoolDay(new DateOnly(2026, 12, 28)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
