using System.Text.Json;
using Mash.Platform.Tests.Support;
using Mash.Platform.Time;

namespace Mash.Platform.Tests.Time;

/// <summary>
/// SLA clocks with the England and Wales bank holidays shipped with the platform, Europe/London,
/// 09:00-17:00. Expected moments are written with their UK offset: +00:00 in winter (GMT),
/// +01:00 in summer (BST).
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly string ShippedFile = Path.Combine(AppContext.BaseDirectory, BankHolidays.DefaultFileName);

    private static WorkingCalendar EnglandAndWales() =>
        new(BankHolidays.Load(ShippedFile, "england-and-wales"), new TimeOnly(9, 0), new TimeOnly(17, 0), London);

    private static DateTime At(int year, int month, int day, int hour, int minute, TimeSpan ukOffset) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, ukOffset).UtcDateTime;

    [Fact]
    public void The_shipped_bank_holiday_file_is_copied_to_the_output_unchanged()
    {
        Assert.True(File.Exists(ShippedFile), ShippedFile);
        Assert.Equal(
            File.ReadAllBytes(RepoFiles.Path("services/Mash.Platform.Core/Time/bank-holidays.json")),
            File.ReadAllBytes(ShippedFile));
    }

    [Fact]
    public void Every_date_of_the_file_is_loaded_in_order()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ShippedFile));
        var inFile = json.RootElement.GetProperty("england-and-wales").GetProperty("events").EnumerateArray()
            .Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        var loaded = BankHolidays.Load(ShippedFile, "england-and-wales");

        Assert.Equal(inFile.Order(), loaded);
        Assert.Contains(new DateOnly(2026, 12, 28), loaded); // Boxing Day 2026, substitute day
    }

    [Fact]
    public void A_division_missing_from_the_file_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BankHolidays.Load(ShippedFile, "narnia"));
        Assert.Contains("narnia", error.Message);
    }

    [Fact]
    public void Monday_afternoon_plus_one_working_day_is_Tuesday_afternoon()
    {
        var due = EnglandAndWales().AddWorkingDays(At(2026, 1, 12, 14, 0, Gmt), 1);

        Assert.Equal(At(2026, 1, 13, 14, 0, Gmt), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void Friday_at_four_plus_eight_hours_is_Monday_at_four()
    {
        var calendar = EnglandAndWales();

        Assert.Equal(At(2026, 1, 19, 16, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 16, 16, 0, Gmt), 8));
        Assert.Equal(At(2026, 1, 19, 16, 0, Gmt), calendar.AddWorkingDays(At(2026, 1, 16, 16, 0, Gmt), 1));
    }

    [Fact]
    public void A_referral_received_on_Saturday_starts_its_clock_on_Monday_at_nine()
    {
        var calendar = EnglandAndWales();
        var saturday = At(2026, 1, 17, 11, 30, Gmt);

        Assert.Equal(At(2026, 1, 19, 9, 0, Gmt), calendar.AddWorkingHours(saturday, 0));
        Assert.Equal(At(2026, 1, 19, 13, 0, Gmt), calendar.AddWorkingHours(saturday, 4)); // Red, 4 working hours
        Assert.Equal(0, calendar.WorkingHoursBetween(saturday, At(2026, 1, 19, 9, 0, Gmt)));
        Assert.Equal(1, calendar.WorkingHoursBetween(saturday, At(2026, 1, 19, 10, 0, Gmt)), 9);
    }

    [Fact]
    public void Before_and_after_hours_count_from_the_next_opening()
    {
        var calendar = EnglandAndWales();

        Assert.Equal(At(2026, 1, 13, 10, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 13, 7, 45, Gmt), 1));
        Assert.Equal(At(2026, 1, 14, 10, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 13, 18, 30, Gmt), 1));
    }

    [Fact]
    public void Christmas_2026_skips_Christmas_Day_the_weekend_and_the_Boxing_Day_substitute()
    {
        var calendar = EnglandAndWales();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));

        var due = calendar.AddWorkingHours(At(2026, 12, 24, 15, 0, Gmt), 4);

        Assert.Equal(At(2026, 12, 29, 11, 0, Gmt), due);
        Assert.Equal(4, calendar.WorkingHoursBetween(At(2026, 12, 24, 15, 0, Gmt), due), 9);
    }

    [Fact]
    public void Easter_2027_skips_Good_Friday_and_Easter_Monday_and_lands_in_summer_time()
    {
        var calendar = EnglandAndWales();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 29)));

        // Thursday 25 March 16:00 GMT; clocks go forward on Sunday 28 March 2027.
        var due = calendar.AddWorkingHours(At(2027, 3, 25, 16, 0, Gmt), 2);

        Assert.Equal(At(2027, 3, 30, 10, 0, Bst), due);
        Assert.Equal(new DateTime(2027, 3, 30, 9, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void A_referral_received_on_Good_Friday_starts_its_clock_on_the_Tuesday()
    {
        var due = EnglandAndWales().AddWorkingHours(At(2026, 4, 3, 10, 0, Bst), 0);

        Assert.Equal(At(2026, 4, 7, 9, 0, Bst), due);
    }

    [Fact]
    public void In_July_the_working_day_is_09_to_17_British_Summer_Time()
    {
        var calendar = EnglandAndWales();

        // 10:00 in London on Monday 6 July 2026 is 09:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 6, 10, 0, 0, DateTimeKind.Utc),
            calendar.AddWorkingHours(new DateTime(2026, 7, 6, 9, 0, 0, DateTimeKind.Utc), 1));

        // 07:30 UTC is 08:30 in London: before opening, so the clock starts at 09:00 BST = 08:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 6, 8, 0, 0, DateTimeKind.Utc),
            calendar.AddWorkingHours(new DateTime(2026, 7, 6, 7, 30, 0, DateTimeKind.Utc), 0));

        // 16:30 UTC is 17:30 in London: closed, so one hour runs to Tuesday 10:00 BST = 09:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 7, 9, 0, 0, DateTimeKind.Utc),
            calendar.AddWorkingHours(new DateTime(2026, 7, 6, 16, 30, 0, DateTimeKind.Utc), 1));
    }

    [Fact]
    public void Across_the_spring_clock_change_the_result_is_correct_local_time()
    {
        var calendar = EnglandAndWales();
        var friday = At(2026, 3, 27, 14, 0, Gmt); // clocks go forward Sunday 29 March 2026

        var due = calendar.AddWorkingHours(friday, 8);

        Assert.Equal(At(2026, 3, 30, 14, 0, Bst), due);
        Assert.Equal(new DateTime(2026, 3, 30, 13, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(8, calendar.WorkingHoursBetween(friday, due), 9);
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_result_is_correct_local_time()
    {
        var calendar = EnglandAndWales();
        var friday = At(2026, 10, 23, 14, 0, Bst); // clocks go back Sunday 25 October 2026

        var due = calendar.AddWorkingHours(friday, 8);

        Assert.Equal(At(2026, 10, 26, 14, 0, Gmt), due);
        Assert.Equal(8, calendar.WorkingHoursBetween(friday, due), 9);
    }

    [Fact]
    public void Exactly_filling_a_day_ends_at_17_the_same_day()
    {
        var calendar = EnglandAndWales();

        Assert.Equal(At(2026, 1, 12, 17, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 12, 9, 0, Gmt), 8));
        Assert.Equal(At(2026, 1, 12, 17, 0, Gmt), calendar.AddWorkingDays(At(2026, 1, 12, 9, 0, Gmt), 1));
        Assert.Equal(At(2026, 1, 12, 17, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 12, 13, 0, Gmt), 4));
        Assert.Equal(At(2026, 7, 6, 17, 0, Bst), calendar.AddWorkingHours(At(2026, 7, 6, 9, 0, Bst), 8));
    }

    [Fact]
    public void An_assessment_of_45_working_days_skips_weekends_and_Easter_and_May_holidays()
    {
        // From Monday 23 March 2026 10:00: 45 weekdays would end Monday 25 May, but Good Friday
        // (3 Apr), Easter Monday (6 Apr), Early May (4 May) and Spring (25 May) are holidays,
        // so the 45th working day is Friday 29 May, now in summer time.
        var calendar = EnglandAndWales();
        var referral = At(2026, 3, 23, 10, 0, Gmt);

        var due = calendar.AddWorkingDays(referral, 45);

        Assert.Equal(At(2026, 5, 29, 10, 0, Bst), due);
        Assert.Equal(45 * 8, calendar.WorkingHoursBetween(referral, due), 9);
    }

    [Fact]
    public void Working_hours_between_agrees_with_adding_working_hours_from_random_starts()
    {
        var calendar = EnglandAndWales();
        var holidays = BankHolidays.Load(ShippedFile, "england-and-wales").ToHashSet();
        var random = new Random(20260329);
        var first = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 300; i++)
        {
            var start = first.AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            var hours = i % 2 == 0 ? random.Next(0, 400) / 4.0 : random.NextDouble() * 120;

            var due = calendar.AddWorkingHours(start, hours);

            var context = $"start {start:O} + {hours}h = {due:O}";
            Assert.True(due >= start, context);
            Assert.True(Math.Abs(hours - calendar.WorkingHoursBetween(start, due)) < 1e-6, context);

            // A deadline always falls in working time: a weekday that is not a holiday, 09:00-17:00 in London.
            var local = TimeZoneInfo.ConvertTimeFromUtc(due, London);
            Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), context);
            Assert.DoesNotContain(DateOnly.FromDateTime(local), holidays);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        }
    }

    [Fact]
    public void Later_moments_never_have_fewer_working_hours_elapsed()
    {
        var calendar = EnglandAndWales();
        var start = At(2026, 12, 23, 12, 0, Gmt);
        var previous = 0.0;
        for (var t = start; t < start.AddDays(10); t = t.AddMinutes(37))
        {
            var elapsed = calendar.WorkingHoursBetween(start, t);
            Assert.True(elapsed >= previous, $"{t:O}: {elapsed} < {previous}");
            previous = elapsed;
        }

        // 23 Dec 12:00-17:00 (5h) and 24 Dec (8h); 25 to 28 December are closed.
        Assert.Equal(5 + 8, calendar.WorkingHoursBetween(start, At(2026, 12, 29, 9, 0, Gmt)), 9);
        Assert.Equal(0, calendar.WorkingHoursBetween(At(2026, 12, 29, 9, 0, Gmt), start));
    }

    [Fact]
    public void Negative_hours_are_refused()
    {
        var calendar = EnglandAndWales();

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingHours(At(2026, 1, 12, 9, 0, Gmt), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(At(2026, 1, 12, 9, 0, Gmt), -0.5));
    }

    [Fact]
    public void A_working_day_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], new TimeOnly(17, 0), new TimeOnly(9, 0), London));

    [Fact]
    public void A_custom_holiday_file_in_GOV_UK_format_is_honoured()
    {
        using var temp = new TempDirectory();
        var file = temp.File("local-holidays.json");
        // A local closure day (Monday 12 January 2026) added to a GOV.UK-format file, with the
        // fields GOV.UK publishes besides the date.
        File.WriteAllText(file, """
            {
              "england-and-wales": {
                "division": "england-and-wales",
                "events": [
                  { "title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true },
                  { "title": "Local closure", "date": "2026-01-12", "notes": "Office move", "bunting": false },
                  { "title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true }
                ]
              }
            }
            """);

        var holidays = BankHolidays.Load(file, "england-and-wales");
        var calendar = new WorkingCalendar(holidays, new TimeOnly(9, 0), new TimeOnly(17, 0), London);

        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 12), new DateOnly(2026, 12, 25)], holidays);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 12)));
        // Friday 9 January 16:00 + 2h: 1h on Friday, Monday is closed, 1h on Tuesday.
        Assert.Equal(At(2026, 1, 13, 10, 0, Gmt), calendar.AddWorkingHours(At(2026, 1, 9, 16, 0, Gmt), 2));
        // Boxing Day is not in this file: Monday 28 December 2026 is a working day here.
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
    }

    [Theory]
    // Monday 10:30 GMT: an hour started at 09:30 or before is done.
    [InlineData(2026, 11, 23, 10, 30, 0, 2026, 11, 23, 9, 30, 0)]
    // Monday 09:30 GMT: the hour started on Friday at 16:30.
    [InlineData(2026, 11, 30, 9, 30, 0, 2026, 11, 27, 16, 30, 0)]
    // Tuesday 29 December 2026 09:30 GMT: Christmas Day and the Boxing Day substitute (Monday 28th) are
    // bank holidays, so the hour started on Thursday 24th at 16:30.
    [InlineData(2026, 12, 29, 9, 30, 0, 2026, 12, 24, 16, 30, 0)]
    // Monday 30 March 2026 09:30 BST, the day after the clocks went forward: Friday 16:30 GMT.
    [InlineData(2026, 3, 30, 9, 30, 1, 2026, 3, 27, 16, 30, 0)]
    public void The_latest_start_is_the_moment_a_working_hour_before_the_deadline(
        int year, int month, int day, int hour, int minute, int deadlineOffset, int fromYear, int fromMonth, int fromDay, int fromHour, int fromMinute, int fromOffset)
    {
        var deadline = At(year, month, day, hour, minute, TimeSpan.FromHours(deadlineOffset));

        var latest = EnglandAndWales().LatestStartFor(1, deadline);

        Assert.Equal(At(fromYear, fromMonth, fromDay, fromHour, fromMinute, TimeSpan.FromHours(fromOffset)), latest, TimeSpan.FromSeconds(1));
        Assert.True(EnglandAndWales().AddWorkingHours(latest, 1) <= deadline);
        Assert.True(EnglandAndWales().AddWorkingHours(latest.AddSeconds(2), 1) > deadline);
    }
}
