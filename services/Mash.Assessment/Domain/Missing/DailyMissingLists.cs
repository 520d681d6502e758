namespace Mash.Assessment.Domain.Missing;

/// <summary>What the daily MASH meeting goes through about children who go missing.</summary>
public static class DailyMissingLists
{
    /// <summary>Children missing now: highest risk first, then the longest missing.</summary>
    public static IReadOnlyList<EpisodeFacts> MissingNow(IEnumerable<EpisodeFacts> episodes) =>
        [.. episodes.Where(e => e.Open).OrderByDescending(e => e.Risk).ThenBy(e => e.ReportedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];

    public static TimeSpan HoursMissing(EpisodeFacts episode, DateTime now) => (episode.ReturnedAt ?? now) - episode.ReportedAt;

    /// <summary>Returned within the area's recent window with no interview arranged, the longest back first.</summary>
    public static IReadOnlyList<EpisodeFacts> ReturnedWithoutInterview(IEnumerable<EpisodeFacts> episodes, DateTime now, AreaMissingRules rules) =>
        [.. episodes.Where(e => ReturnInterviews.ReturnedWithoutInterviewArranged(e, now, rules)).OrderBy(e => e.ReturnedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>Whether a child's episodes are repeated: the area's count within its window, ending now.</summary>
    public static bool Repeated(IReadOnlyList<EpisodeFacts> childEpisodes, DateTime now, AreaMissingRules rules) =>
        rules.RepeatEpisodes > 0 && DiscussionPatterns.InWindowBefore(childEpisodes, now, rules).Count >= rules.RepeatEpisodes;
}
