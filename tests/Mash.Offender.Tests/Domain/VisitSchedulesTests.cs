using Mash.Contracts.Offender.V1;
using Mash.Offender.Domain;
using Microsoft.Extensions.Options;

namespace Mash.Offender.Tests.Domain;

public sealed class VisitSchedulesTests
{
    private static readonly DateOnly Registered = new(2026, 1, 5);

    private static VisitSchedules Schedules(VisitIntervalsOptions? options = null) => new(Options.Create(options ?? new VisitIntervalsOptions()));

    [Theory]
    [InlineData(OffenderRisk.Low, 0)]
    [InlineData(OffenderRisk.Medium, 26)]
    [InlineData(OffenderRisk.High, 12)]
    [InlineData(OffenderRisk.VeryHigh, 4)]
    public void Visit_frequency_follows_risk(OffenderRisk risk, int weeks) =>
        Assert.Equal(weeks, Schedules().IntervalWeeks("anywhere", risk, MappaCategory.RegisteredSexualOffender));

    [Fact]
    public void The_next_visit_is_due_an_interval_after_the_last_seen_or_after_registration()
    {
        Assert.Equal(new DateOnly(2026, 2, 2), VisitSchedules.NextDueBy(4, Registered, null));
        Assert.Equal(new DateOnly(2026, 4, 27), VisitSchedules.NextDueBy(4, Registered, new DateOnly(2026, 3, 30)));
        Assert.Equal(new DateOnly(2026, 7, 6), VisitSchedules.NextDueBy(26, Registered, null));
    }

    [Fact]
    public void A_low_risk_offender_is_managed_reactively_with_no_visit_due() =>
        Assert.Null(VisitSchedules.NextDueBy(Schedules().IntervalWeeks("default", OffenderRisk.Low, MappaCategory.RegisteredSexualOffender), Registered, null));

    [Fact]
    public void Only_a_visit_where_the_offender_was_seen_counts()
    {
        Assert.True(VisitSchedules.CountsAsSeen(VisitOutcome.SeenNoConcerns));
        Assert.True(VisitSchedules.CountsAsSeen(VisitOutcome.SeenConcerns));
        Assert.False(VisitSchedules.CountsAsSeen(VisitOutcome.NoAccess));
        Assert.False(VisitSchedules.CountsAsSeen(VisitOutcome.RefusedEntry));
    }

    [Fact]
    public void A_visit_is_overdue_the_day_after_it_was_due()
    {
        Assert.False(VisitSchedules.IsOverdue(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 2)));
        Assert.True(VisitSchedules.IsOverdue(new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3)));
        Assert.False(VisitSchedules.IsOverdue(null, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Each_area_may_set_its_own_intervals()
    {
        var options = new VisitIntervalsOptions
        {
            Areas = new(StringComparer.OrdinalIgnoreCase)
            {
                ["default"] = new AreaVisitIntervals(),
                ["worcester-north"] = new AreaVisitIntervals { LowWeeks = 52, VeryHighWeeks = 2 },
            },
        };

        Assert.Equal(2, Schedules(options).IntervalWeeks("WORCESTER-NORTH", OffenderRisk.VeryHigh, MappaCategory.RegisteredSexualOffender));
        Assert.Equal(52, Schedules(options).IntervalWeeks("worcester-north", OffenderRisk.Low, MappaCategory.RegisteredSexualOffender));
        Assert.Equal(4, Schedules(options).IntervalWeeks("redditch", OffenderRisk.VeryHigh, MappaCategory.RegisteredSexualOffender));
        Assert.True(options.IsUsable());
        Assert.False((options with { Areas = new() { ["x"] = new AreaVisitIntervals { HighWeeks = -1 } } }).IsUsable());
    }

    [Fact]
    public void A_visit_with_concerns_records_them()
    {
        var violations = VisitSchedules.Validate(new RecordVisitRequest
        {
            IdempotencyKey = "k",
            OffenderId = "off_1",
            VisitedOn = Support.Samples.Day(new DateOnly(2026, 11, 24)),
            Officer = "PC Example",
            Outcome = VisitOutcome.SeenConcerns,
        }, new DateOnly(2026, 11, 23));

        Assert.Equal(["visited_on", "notes"], violations.Items.Select(i => i.Field));
    }

    [Fact]
    public void A_person_of_concern_who_is_not_mappa_managed_is_visited_reactively_whatever_the_risk() =>
        Assert.Equal(0, Schedules().IntervalWeeks("default", OffenderRisk.VeryHigh, MappaCategory.NotMappa));
}
