using Mash.Contracts.Referral.V1;
using Mash.Platform.Time;
using Mash.Referral.Domain;

namespace Mash.Referral.Tests.Domain;

public sealed class ReferralClockTests
{
    private static readonly WorkingCalendar Calendar = new(
        [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)], new TimeOnly(9, 0), new TimeOnly(17, 0),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static readonly AreaTimescales Surrey = new() { RagWorkingHours = new() { [Rag.Red] = 4, [Rag.Amber] = 24, [Rag.Green] = 72 } };
    private static readonly AreaTimescales Merton = new() { RagWorkingHours = new() { [Rag.Red] = 2, [Rag.Amber] = 6, [Rag.Green] = 24 } };

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void The_decision_is_due_one_working_day_after_receipt_skipping_the_weekend() =>
        Assert.Equal(Utc(11, 30, 15), new ReferralClock(Calendar, Surrey).DecisionDueAt(Utc(11, 27, 15)));

    [Fact]
    public void The_same_rag_gives_each_area_its_own_timescale()
    {
        var received = Utc(11, 23, 10);
        Assert.Equal(Utc(11, 23, 14), new ReferralClock(Calendar, Surrey).RagDueAt(received, Rag.Red));
        Assert.Equal(Utc(11, 23, 12), new ReferralClock(Calendar, Merton).RagDueAt(received, Rag.Red));
        // Amber in Merton: 6 hours from Monday 10:00 = Monday 16:00; in Surrey 24 hours = three working days.
        Assert.Equal(Utc(11, 23, 16), new ReferralClock(Calendar, Merton).RagDueAt(received, Rag.Amber));
        Assert.Equal(Utc(11, 26, 10), new ReferralClock(Calendar, Surrey).RagDueAt(received, Rag.Amber));
    }

    [Fact]
    public void A_red_referral_received_on_christmas_eve_afternoon_is_due_after_the_bank_holidays() =>
        // Thursday 24 Dec 15:00: two hours that day, then Friday 25 (Christmas), the weekend and
        // Monday 28 (Boxing Day substitute) are skipped: due Tuesday 29 Dec 11:00.
        Assert.Equal(Utc(12, 29, 11), new ReferralClock(Calendar, Surrey).RagDueAt(Utc(12, 24, 15), Rag.Red));

    [Fact]
    public void A_rag_without_a_timescale_adds_no_clock() =>
        Assert.Null(new ReferralClock(Calendar, Surrey).RagDueAt(Utc(11, 23, 10), Rag.Blue));

    [Fact]
    public void The_queue_orders_by_the_earliest_open_deadline_and_says_which_it_is()
    {
        var decisionDue = Utc(11, 24, 10);
        Assert.Equal((Utc(11, 23, 14), ReferralDeadline.ScreeningRag), ReferralClock.EarliestOpen(decisionDue, Utc(11, 23, 14)));
        Assert.Equal((decisionDue, ReferralDeadline.Decision), ReferralClock.EarliestOpen(decisionDue, Utc(11, 26, 10)));
        Assert.Equal((decisionDue, ReferralDeadline.Decision), ReferralClock.EarliestOpen(decisionDue, null));
    }

    [Fact]
    public void A_contact_received_before_the_clocks_go_forward_is_due_a_working_day_later_by_the_wall_clock()
    {
        var calendar = new WorkingCalendar([], new TimeOnly(9, 0), new TimeOnly(17, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        // Friday 26 March 2027 16:30 GMT; the clocks go forward on Sunday 28th: due Monday 16:30 BST, 15:30 UTC.
        var received = new DateTime(2027, 3, 26, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 3, 29, 15, 30, 0, DateTimeKind.Utc), new ReferralClock(calendar, Surrey).DecisionDueAt(received));
    }

    [Fact]
    public void A_contact_received_on_the_friday_before_the_august_bank_holiday_is_due_on_tuesday() =>
        // Friday 28 August 2026 11:00 BST (10:00 UTC); Monday 31 August is the summer bank holiday.
        Assert.Equal(new DateTime(2026, 9, 1, 10, 0, 0, DateTimeKind.Utc),
            new ReferralClock(new WorkingCalendar([new DateOnly(2026, 8, 31)], new TimeOnly(9, 0), new TimeOnly(17, 0),
                TimeZoneInfo.FindSystemTimeZoneById("Europe/London")), Surrey).DecisionDueAt(new DateTime(2026, 8, 28, 10, 0, 0, DateTimeKind.Utc)));
}
