using Mash.Assessment.Domain.Missing;

namespace Mash.Assessment.Tests.Domain.Missing;

public sealed class ReturnInterviewTests
{
    private static readonly AreaMissingRules Rules = new();
    private static readonly DateTime Reported = new(2026, 10, 23, 21, 0, 0, DateTimeKind.Utc);

    private static EpisodeFacts Returned(DateTime at, InterviewState state = InterviewState.Due, DateTime? closed = null) =>
        new("mis_1", Reported, MissingRiskGrade.Medium, at, state, closed);

    [Fact]
    public void The_interview_is_due_72_hours_after_the_return_and_none_while_the_child_is_missing()
    {
        var open = new EpisodeFacts("mis_1", Reported, MissingRiskGrade.Medium, null, InterviewState.NotDue, null);

        Assert.Null(ReturnInterviews.DueAt(open, Rules));
        Assert.False(ReturnInterviews.Overdue(open, Reported.AddDays(10), Rules));
        Assert.Equal(Reported.AddHours(5 + 72), ReturnInterviews.DueAt(Returned(Reported.AddHours(5)), Rules));
    }

    [Fact]
    public void Across_the_weekend_the_clocks_go_back_the_72_hours_are_72_hours_of_elapsed_time()
    {
        // Returned on Friday 23 October 2026 at 23:00 BST (22:00 UTC); the clocks go back on Sunday 25 October.
        var returned = new DateTime(2026, 10, 23, 22, 0, 0, DateTimeKind.Utc);
        var episode = Returned(returned);

        Assert.False(ReturnInterviews.Overdue(episode, returned.AddHours(72), Rules));
        Assert.True(ReturnInterviews.Overdue(episode, returned.AddHours(72).AddMinutes(1), Rules));
        // On the wall clock in London that is Monday 22:00 GMT, not 23:00.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal(new DateTime(2026, 10, 26, 22, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(returned.AddHours(72), london));
    }

    [Theory]
    [InlineData(InterviewState.Done, false)]
    [InlineData(InterviewState.Declined, false)]
    [InlineData(InterviewState.NotDone, false)]
    [InlineData(InterviewState.Offered, true)]
    [InlineData(InterviewState.Due, true)]
    public void Only_a_settled_interview_stops_it_being_overdue(InterviewState state, bool overdue)
    {
        var returned = Reported.AddHours(2);

        Assert.Equal(overdue, ReturnInterviews.Overdue(Returned(returned, state, returned.AddHours(10)), returned.AddHours(80), Rules));
    }

    [Fact]
    public void Settled_after_the_72_hours_is_late_and_an_area_may_set_its_own_time()
    {
        var returned = Reported.AddHours(2);

        Assert.True(ReturnInterviews.Late(Returned(returned, InterviewState.Done, returned.AddHours(73)), Rules));
        Assert.False(ReturnInterviews.Late(Returned(returned, InterviewState.Done, returned.AddHours(71)), Rules));
        Assert.True(ReturnInterviews.Overdue(Returned(returned), returned.AddHours(49), Rules with { ReturnInterviewHours = 48 }));
    }

    [Fact]
    public void Returned_in_the_last_24_hours_with_nothing_arranged_is_on_the_daily_list_and_an_offer_takes_it_off()
    {
        var now = Reported.AddDays(2);
        var recent = Returned(now.AddHours(-23));

        Assert.Equal([recent], DailyMissingLists.ReturnedWithoutInterview([recent, Returned(now.AddHours(-25)) with { Id = "mis_old" }], now, Rules));
        Assert.Empty(DailyMissingLists.ReturnedWithoutInterview([recent with { Interview = InterviewState.Offered }], now, Rules));
    }
}
