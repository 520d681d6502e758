using Mash.Platform.Tests.Support;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Tests.Time;

public sealed class WorkingCalendarsTests
{
    [Fact]
    public void Without_configuration_each_area_uses_the_shipped_England_and_Wales_holidays_09_to_17_London()
    {
        var calendars = new WorkingCalendars(Options.Create(new CalendarOptions()));

        var calendar = calendars.ForArea("surrey");

        Assert.Equal(new TimeOnly(9, 0), calendar.DayStart);
        Assert.Equal(new TimeOnly(17, 0), calendar.DayEnd);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        // 10:00 BST on a July Monday is 09:00 UTC: the zone is London, not UTC.
        Assert.Equal(new DateTime(2026, 7, 6, 9, 0, 0, DateTimeKind.Utc),
            calendar.AddWorkingHours(new DateTime(2026, 7, 6, 8, 0, 0, DateTimeKind.Utc), 1));
    }

    [Fact]
    public void An_area_with_its_own_hours_uses_them_and_others_use_the_default()
    {
        var calendars = new WorkingCalendars(Options.Create(new CalendarOptions
        {
            Areas =
            {
                ["default"] = new WorkingHoursOptions { DayStart = new TimeOnly(8, 30), DayEnd = new TimeOnly(16, 30) },
                ["Merton"] = new WorkingHoursOptions { DayStart = new TimeOnly(8, 0), DayEnd = new TimeOnly(18, 0) },
            },
        }));

        var merton = calendars.ForArea("merton");
        var surrey = calendars.ForArea("Surrey");

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(18, 0)), (merton.DayStart, merton.DayEnd));
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(16, 30)), (surrey.DayStart, surrey.DayEnd));
        // Friday 17:00 + 2h in Merton: one hour on Friday, one on Monday from 08:00.
        Assert.Equal(new DateTime(2026, 1, 19, 9, 0, 0, DateTimeKind.Utc),
            merton.AddWorkingHours(new DateTime(2026, 1, 16, 17, 0, 0, DateTimeKind.Utc), 2));
    }

    [Fact]
    public void A_configured_holiday_file_and_division_replace_the_shipped_ones()
    {
        using var temp = new TempDirectory();
        var file = temp.File("holidays.json");
        File.WriteAllText(file, """
            {
              "scotland": {
                "division": "scotland",
                "events": [
                  { "title": "2nd January", "date": "2026-01-02", "notes": "", "bunting": true },
                  { "title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true }
                ]
              }
            }
            """);

        var calendars = new WorkingCalendars(Options.Create(new CalendarOptions { BankHolidaysFile = file, Division = "scotland" }));
        var calendar = calendars.ForArea("glasgow");

        Assert.Equal([new DateOnly(2026, 1, 2), new DateOnly(2026, 11, 30)], calendars.Holidays);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 30)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
    }
}
