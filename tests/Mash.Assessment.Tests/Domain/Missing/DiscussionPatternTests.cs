using Mash.Assessment.Domain.Missing;

namespace Mash.Assessment.Tests.Domain.Missing;

public sealed class DiscussionPatternTests
{
    private static readonly AreaMissingRules Rules = new();
    private static readonly DateTime Start = new(2026, 6, 1, 20, 0, 0, DateTimeKind.Utc);

    private static EpisodeFacts Episode(string id, DateTime reported, MissingRiskGrade risk = MissingRiskGrade.Medium) =>
        new(id, reported, risk, reported.AddHours(6), InterviewState.Done, reported.AddDays(1));

    [Fact]
    public void The_third_episode_in_90_days_makes_a_discussion_required_naming_the_rule_and_the_episodes()
    {
        var first = Episode("mis_1", Start);
        var second = Episode("mis_2", Start.AddDays(40));
        var third = Episode("mis_3", Start.AddDays(90));

        Assert.Empty(DiscussionPatterns.Met([first, second], second, false, Rules));
        var met = Assert.Single(DiscussionPatterns.Met([first, second, third], third, false, Rules));

        Assert.Equal(DiscussionPatterns.RepeatedEpisodes, met.Rule);
        Assert.Equal(["mis_1", "mis_2", "mis_3"], met.EpisodeIds);
        Assert.Contains("3 missing episodes in 90 days", met.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_episode_just_outside_the_window_does_not_count()
    {
        var first = Episode("mis_1", Start);
        var second = Episode("mis_2", Start.AddDays(40));
        var third = Episode("mis_3", Start.AddDays(90).AddMinutes(1));

        Assert.Empty(DiscussionPatterns.Met([first, second, third], third, false, Rules));
        Assert.Single(DiscussionPatterns.Met([first, second, third], third, false, Rules with { RepeatWindowDays = 91 }));
    }

    [Fact]
    public void Any_episode_of_a_child_with_an_active_high_cse_flag_or_graded_high_makes_a_discussion_required()
    {
        var low = Episode("mis_1", Start, MissingRiskGrade.Low);
        var high = Episode("mis_2", Start, MissingRiskGrade.High);

        Assert.Equal([DiscussionPatterns.HighCseFlag], DiscussionPatterns.Met([low], low, true, Rules).Select(m => m.Rule));
        Assert.Equal([DiscussionPatterns.HighRiskEpisode], DiscussionPatterns.Met([high], high, false, Rules).Select(m => m.Rule));
        Assert.Empty(DiscussionPatterns.Met([low], low, false, Rules));
    }

    [Fact]
    public void An_area_may_turn_each_rule_off_or_set_its_own_count()
    {
        var episodes = new[] { Episode("mis_1", Start), Episode("mis_2", Start.AddDays(1), MissingRiskGrade.High) };
        var off = Rules with { RepeatEpisodes = 0, DiscussionForHighCseFlag = false, DiscussionForHighRiskEpisode = false };

        Assert.Empty(DiscussionPatterns.Met(episodes, episodes[1], true, off));
        Assert.Equal([DiscussionPatterns.RepeatedEpisodes], DiscussionPatterns.Met(episodes, episodes[1], false, off with { RepeatEpisodes = 2 }).Select(m => m.Rule));
        Assert.False((Rules with { ReturnInterviewHours = 0 }).IsUsable());
        Assert.Equal(48, new MissingOptions { Areas = { ["north"] = Rules with { ReturnInterviewHours = 48 } } }.For("North").ReturnInterviewHours);
    }

    [Fact]
    public void The_daily_list_puts_the_highest_risk_first_then_the_longest_missing()
    {
        var now = Start.AddDays(1);
        var lowLong = new EpisodeFacts("a", Start, MissingRiskGrade.Low, null, InterviewState.NotDue, null);
        var highShort = new EpisodeFacts("b", Start.AddHours(20), MissingRiskGrade.High, null, InterviewState.NotDue, null);
        var highLong = new EpisodeFacts("c", Start.AddHours(2), MissingRiskGrade.High, null, InterviewState.NotDue, null);
        var back = Episode("d", Start);

        Assert.Equal(["c", "b", "a"], DailyMissingLists.MissingNow([lowLong, highShort, highLong, back]).Select(e => e.Id));
        Assert.Equal(TimeSpan.FromHours(24), DailyMissingLists.HoursMissing(lowLong, now));
        Assert.True(DailyMissingLists.Repeated([Episode("x", now.AddDays(-80)), Episode("y", now.AddDays(-10)), Episode("z", now.AddDays(-1))], now, Rules));
        Assert.False(DailyMissingLists.Repeated([Episode("x", now.AddDays(-91)), Episode("y", now.AddDays(-10)), Episode("z", now.AddDays(-1))], now, Rules));
    }
}
