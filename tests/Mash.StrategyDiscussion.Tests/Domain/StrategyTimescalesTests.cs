using Mash.Contracts.Strategy.V1;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Domain;
using Microsoft.Extensions.Options;

namespace Mash.StrategyDiscussion.Tests.Domain;

public sealed class StrategyTimescalesTests
{
    private static readonly WorkingCalendars Calendars = new(Options.Create(new CalendarOptions
    {
        Areas = new(StringComparer.OrdinalIgnoreCase) { ["default"] = new WorkingHoursOptions() },
    }));

    private static StrategyTimescales Timescales(StrategyTimescalesOptions? options = null) =>
        new(Calendars, Options.Create(options ?? new StrategyTimescalesOptions()));

    [Fact]
    public void A_discussion_required_on_a_friday_is_due_24_working_hours_later_after_the_weekend() =>
        // Friday 20 Nov 2026 10:00: 7 hours that Friday, 8 on Monday, 8 on Tuesday, 1 on Wednesday.
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc),
            Timescales().DiscussionDueAt("default", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), DiscussionTrigger.ReferralDecision));

    [Fact]
    public void Each_area_may_set_its_own_working_hours()
    {
        var options = new StrategyTimescalesOptions
        {
            Areas = new(StringComparer.OrdinalIgnoreCase) { ["merton"] = new AreaStrategyTimescales { DiscussionDueWorkingHours = 6 } },
        };
        var monday = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(monday.AddHours(6), Timescales(options).DiscussionDueAt("MERTON", monday, DiscussionTrigger.SignificantHarmSuspected));
        Assert.Equal(monday.AddDays(3), Timescales(options).DiscussionDueAt("surrey", monday, DiscussionTrigger.SignificantHarmSuspected));
    }

    [Theory]
    // Saturday night: the weekend does not wait.
    [InlineData("2026-11-21T23:00:00Z", "2026-11-22T03:00:00Z")]
    // Christmas Day is a bank holiday, not a day off for a child in police protection.
    [InlineData("2026-12-25T10:00:00Z", "2026-12-25T14:00:00Z")]
    // The night the clocks go forward (01:00 GMT becomes 02:00 BST): four hours are four hours, 04:00 UTC = 05:00 BST.
    [InlineData("2027-03-28T00:00:00Z", "2027-03-28T04:00:00Z")]
    // And back (02:00 BST becomes 01:00 GMT).
    [InlineData("2026-10-25T00:00:00Z", "2026-10-25T04:00:00Z")]
    public void After_immediate_protection_the_discussion_is_due_four_hours_later_round_the_clock(string decided, string due) =>
        Assert.Equal(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            Timescales().DiscussionDueAt("default", DateTime.Parse(decided, null, System.Globalization.DateTimeStyles.AdjustToUniversal), DiscussionTrigger.ImmediateProtection));

    [Fact]
    public void An_area_may_set_its_own_immediate_protection_timescale()
    {
        var options = new StrategyTimescalesOptions
        {
            Areas = new(StringComparer.OrdinalIgnoreCase) { ["merton"] = new AreaStrategyTimescales { ImmediateProtectionDueHours = 2 } },
        };
        var friday = new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal(friday.AddHours(2), Timescales(options).DiscussionDueAt("merton", friday, DiscussionTrigger.ImmediateProtection));
        Assert.Equal(friday.AddHours(4), Timescales(options).DiscussionDueAt("default", friday, DiscussionTrigger.ImmediateProtection));
    }

    [Fact]
    public void The_initial_child_protection_conference_is_due_15_working_days_after_the_discussion_skipping_christmas() =>
        // Monday 14 Dec 2026 11:00: 15 working days without weekends, Christmas Day and the
        // Boxing Day substitute (Monday 28 Dec) and New Year's Day end on Thursday 7 Jan 2027.
        Assert.Equal(new DateTime(2027, 1, 7, 11, 0, 0, DateTimeKind.Utc),
            Timescales().ConferenceDueAt("default", new DateTime(2026, 12, 14, 11, 0, 0, DateTimeKind.Utc)));
}
