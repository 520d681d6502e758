using Mash.Contracts.Custody.V1;
using Mash.Custody.Domain;

namespace Mash.Custody.Tests.Domain;

public sealed class JuvenileAndClockTests
{
    private static readonly AreaCustodyRules Rules = new();
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2008-11-24", "2026-11-23", 17, true)]   // the day before the 18th birthday
    [InlineData("2008-11-23", "2026-11-23", 18, false)]  // arrested on the 18th birthday: an adult
    [InlineData("2008-02-29", "2026-02-28", 17, true)]   // born on 29 February: 18 on 1 March in a common year
    [InlineData("2008-02-29", "2026-03-01", 18, false)]
    [InlineData("2013-06-01", "2026-11-23", 13, true)]
    public void A_juvenile_is_under_18_on_the_day_of_arrest(string born, string arrested, int age, bool juvenile)
    {
        var years = Juveniles.AgeWhenArrested(DateOnly.Parse(born), DateOnly.Parse(arrested));

        Assert.Equal(age, years);
        Assert.Equal(juvenile, Juveniles.IsJuvenile(years));
    }

    [Fact]
    public void The_first_review_is_due_6_hours_after_authorisation_and_each_next_9_hours_after_the_last()
    {
        var authorised = new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc);

        var (none, first) = ReviewClock.Schedule(authorised, [], Rules);
        var (due, next) = ReviewClock.Schedule(authorised, [authorised.AddHours(5), authorised.AddHours(16)], Rules);

        Assert.Empty(none);
        Assert.Equal(authorised.AddHours(6), first);
        Assert.Equal([authorised.AddHours(6), authorised.AddHours(14)], due);
        Assert.Equal(authorised.AddHours(25), next);
    }

    [Fact]
    public void On_the_night_the_clocks_go_back_a_review_is_due_6_real_hours_on_though_the_wall_clock_shows_5()
    {
        // Saturday 24 October 2026, 22:30 BST; the clocks go back at 02:00 BST on Sunday 25 October.
        var authorised = Overnight.EarliestUtc(new DateTime(2026, 10, 24, 22, 30, 0), London);

        var (_, first) = ReviewClock.Schedule(authorised, [], Rules);

        Assert.Equal(TimeSpan.FromHours(6), first - authorised);
        Assert.Equal(new DateTime(2026, 10, 25, 3, 30, 0), TimeZoneInfo.ConvertTimeFromUtc(first, London));
    }

    [Fact]
    public void On_the_night_the_clocks_go_forward_a_review_is_due_6_real_hours_on_though_the_wall_clock_shows_7()
    {
        // Saturday 28 March 2026, 23:00 GMT; the clocks go forward at 01:00 GMT on Sunday 29 March.
        var authorised = Overnight.EarliestUtc(new DateTime(2026, 3, 28, 23, 0, 0), London);

        var (_, first) = ReviewClock.Schedule(authorised, [], Rules);

        Assert.Equal(new DateTime(2026, 3, 29, 6, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(first, London));
    }

    [Theory]
    [InlineData("2026-11-23 23:00", "2026-11-23 23:59", false)]  // charged and gone before midnight
    [InlineData("2026-11-23 23:00", "2026-11-24 00:01", true)]   // one minute into the night
    [InlineData("2026-11-24 06:00", "2026-11-24 23:30", false)]  // charged as the window closed
    [InlineData("2026-11-24 05:59", "2026-11-24 09:00", true)]
    [InlineData("2026-11-23 10:00", "2026-11-25 10:00", true)]
    [InlineData("2026-03-29 00:30", "2026-03-29 02:30", true)]   // the night the clocks go forward
    [InlineData("2026-10-25 06:30", "2026-10-25 20:00", false)]  // the day the clocks went back
    public void Held_overnight_means_in_custody_after_charge_between_midnight_and_six_local_time(string charged, string left, bool overnight)
    {
        var from = Overnight.EarliestUtc(DateTime.Parse(charged), London);
        var until = Overnight.EarliestUtc(DateTime.Parse(left), London);

        Assert.Equal(overnight, Overnight.Meets(from, until, London, Rules.OvernightFrom, Rules.OvernightUntil));
    }

    [Fact]
    public void An_area_may_set_an_overnight_window_that_spans_midnight()
    {
        var area = new AreaCustodyRules { OvernightFrom = new TimeOnly(22, 0), OvernightUntil = new TimeOnly(7, 0) };
        var charged = Overnight.EarliestUtc(new DateTime(2026, 11, 23, 22, 15, 0), London);

        Assert.True(Overnight.Meets(charged, charged.AddMinutes(30), London, area.OvernightFrom, area.OvernightUntil));
        Assert.False(Overnight.Meets(charged, charged.AddMinutes(30), London, Rules.OvernightFrom, Rules.OvernightUntil));
    }

    [Fact]
    public void The_default_rules_are_the_statutory_and_common_local_ones_and_nonsense_is_refused()
    {
        Assert.Equal((6d, 9d, 2d, 1d, 12), (Rules.FirstReviewHours, Rules.ReviewIntervalHours, Rules.AppropriateAdultWaitHours, Rules.AccommodationAnswerHours, Rules.SecureAccommodationMinimumAge));
        Assert.True(Rules.IsUsable());
        Assert.False((Rules with { FirstReviewHours = 0 }).IsUsable());
        Assert.False((Rules with { SecureAccommodationMinimumAge = 20 }).IsUsable());
        var options = new CustodyOptions { Areas = { ["north"] = Rules with { AppropriateAdultWaitHours = 1 } } };
        Assert.Equal(1, options.For("NORTH").AppropriateAdultWaitHours);
        Assert.Equal(2, options.For("south").AppropriateAdultWaitHours);
    }
}
