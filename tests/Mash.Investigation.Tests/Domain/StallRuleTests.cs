using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Domain;

namespace Mash.Investigation.Tests.Domain;

/// <summary>When a high-risk child's investigation is stalled: each gap, from when, and only past the area's time.</summary>
public sealed class StallRuleTests
{
    private static readonly AreaInvestigationRules Rules = new();
    private static readonly DateTime Opened = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static InvestigationFacts Facts(
        IReadOnlyList<StepFacts>? steps = null, IReadOnlyList<DeviceFacts>? devices = null, IReadOnlyList<ReviewFacts>? reviews = null, bool open = true) =>
        new(Opened, open, steps ?? [], devices ?? [], reviews ?? []);

    [Fact]
    public void The_reviews_girl_eight_months_on_with_nothing_done_is_stalled_for_every_reason_and_was_from_the_third_day()
    {
        var eightMonthsOn = Opened.AddMonths(8);
        var phone = new DeviceFacts(Opened.AddDays(1), Opened.AddDays(1), null, DevicePriority.High);

        var stalls = StallRules.Stalls(Facts(devices: [phone]), highRisk: true, eightMonthsOn, Rules);

        Assert.Equal([StallReason.NoAbeInterview, StallReason.NoSafeguardingMeasure, StallReason.NoSupervisoryReview, StallReason.DevicesNotExamined],
            stalls.Select(s => s.Reason));
        Assert.All(stalls, s => Assert.True(s.Lasted(eightMonthsOn) > TimeSpan.FromDays(240)));
        // On the list long before month eight: the missing safeguarding measure after two days.
        var third = StallRules.Stalls(Facts(devices: [phone]), highRisk: true, Opened.AddDays(2).AddMinutes(1), Rules);
        Assert.Equal([StallReason.NoSafeguardingMeasure], third.Select(s => s.Reason));
        Assert.Equal(Opened.AddDays(2), third[0].StalledAt);
    }

    [Fact]
    public void A_child_not_at_high_risk_or_a_closed_investigation_is_never_on_the_list()
    {
        var late = Opened.AddDays(100);
        Assert.Empty(StallRules.Stalls(Facts(), highRisk: false, late, Rules));
        Assert.Empty(StallRules.Stalls(Facts(open: false), highRisk: true, late, Rules));
    }

    [Fact]
    public void Each_step_done_clears_its_reason_and_a_review_sets_when_the_next_is_due()
    {
        var now = Opened.AddDays(20);
        var steps = new List<StepFacts>
        {
            new(StepKind.AbeInterview, Opened, Opened.AddDays(5), Opened.AddDays(4)),
            new(StepKind.SafeguardingMeasures, Opened, Opened.AddDays(1), Opened.AddHours(20)),
            new(StepKind.Medical, Opened, Opened.AddDays(3), null),
        };
        var reviews = new List<ReviewFacts> { new(Opened.AddDays(6), Opened.AddDays(34)) };

        Assert.Empty(StallRules.Stalls(Facts(steps, reviews: reviews), highRisk: true, now, Rules));
        var overdue = StallRules.Stalls(Facts(steps, reviews: reviews), highRisk: true, Opened.AddDays(35), Rules);
        var review = Assert.Single(overdue);
        Assert.Equal((StallReason.NoSupervisoryReview, Opened.AddDays(6), Opened.AddDays(34)), (review.Reason, review.Since, review.StalledAt));
    }

    [Fact]
    public void A_device_stalls_30_days_after_seizure_until_examined_counting_from_the_oldest_unexamined()
    {
        var steps = new List<StepFacts> { new(StepKind.AbeInterview, Opened, Opened, Opened), new(StepKind.SafeguardingMeasures, Opened, Opened, Opened) };
        var reviews = new List<ReviewFacts> { new(Opened.AddDays(1), Opened.AddDays(29)), new(Opened.AddDays(25), Opened.AddDays(50)) };
        var examined = new DeviceFacts(Opened, Opened, Opened.AddDays(3), DevicePriority.High);
        var waiting = new DeviceFacts(Opened.AddDays(2), Opened.AddDays(2), null, DevicePriority.Low);

        Assert.Empty(StallRules.Stalls(Facts(steps, [examined, waiting], reviews), true, Opened.AddDays(32), Rules));
        var stall = Assert.Single(StallRules.Stalls(Facts(steps, [examined, waiting], reviews), true, Opened.AddDays(32).AddMinutes(1), Rules));
        Assert.Equal((StallReason.DevicesNotExamined, Opened.AddDays(2)), (stall.Reason, stall.Since));
    }

    [Fact]
    public void Stall_times_are_elapsed_time_across_a_weekend_and_the_spring_clock_change()
    {
        // Friday 26 March 2027, 17:00 GMT; the clocks go forward early on Sunday 28 March.
        var friday = new DateTime(2027, 3, 26, 17, 0, 0, DateTimeKind.Utc);
        var facts = new InvestigationFacts(friday, true, [], [], []);

        var stalls = StallRules.Stalls(facts, true, new DateTime(2027, 3, 28, 17, 1, 0, DateTimeKind.Utc), Rules);

        Assert.Equal(friday.AddHours(48), Assert.Single(stalls).StalledAt);
    }

    [Fact]
    public void An_areas_own_times_apply()
    {
        var strict = new AreaInvestigationRules { AbeInterviewDays = 1, SafeguardingMeasureDays = 30, FirstReviewDays = 30 };

        var stalls = StallRules.Stalls(Facts(), true, Opened.AddDays(1).AddMinutes(1), strict);

        Assert.Equal(StallReason.NoAbeInterview, Assert.Single(stalls).Reason);
    }
}
