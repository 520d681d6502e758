using Mash.Assessment.Domain;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Tests.Domain;

public sealed class AssessmentTimescalesTests
{
    private static readonly WorkingCalendars Calendars = new(Options.Create(new CalendarOptions
    {
        Areas = new(StringComparer.OrdinalIgnoreCase) { ["default"] = new WorkingHoursOptions() },
    }));

    [Fact]
    public void An_assessment_is_due_45_working_days_after_the_referral_skipping_christmas_and_new_year()
    {
        // Monday 23 Nov 2026 10:00: 45 working days, without weekends, Christmas Day, the Boxing Day
        // substitute (Monday 28 Dec) and New Year's Day, end on Thursday 28 Jan 2027 at 10:00.
        var timescales = new AssessmentTimescales(Calendars, Options.Create(new AssessmentTimescalesOptions()));
        Assert.Equal(new DateTime(2027, 1, 28, 10, 0, 0, DateTimeKind.Utc), timescales.DueAt("default", new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Each_area_may_set_its_own_number_of_working_days()
    {
        var options = new AssessmentTimescalesOptions
        {
            Areas = new(StringComparer.OrdinalIgnoreCase)
            {
                ["default"] = new AreaAssessmentTimescales(),
                ["merton"] = new AreaAssessmentTimescales { AssessmentWorkingDays = 10 },
            },
        };
        var timescales = new AssessmentTimescales(Calendars, Options.Create(options));
        var start = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), timescales.DueAt("MERTON", start));
        Assert.Equal(new DateTime(2027, 1, 28, 10, 0, 0, DateTimeKind.Utc), timescales.DueAt("surrey", start));
    }

    [Fact]
    public void A_referral_received_out_of_hours_starts_its_clock_at_the_next_working_morning() =>
        // Saturday 21 Nov: the clock starts on Monday 23 Nov at 09:00, whose whole day counts: the
        // 45th working day, counting it, is Wednesday 27 Jan 2027, due at its close.
        Assert.Equal(new DateTime(2027, 1, 27, 17, 0, 0, DateTimeKind.Utc),
            AssessmentTimescales.DueAt(Calendars.ForArea("default"), new DateTime(2026, 11, 21, 22, 0, 0, DateTimeKind.Utc), 45));
}
