namespace Mash.Assessment.Domain.Missing;

/// <summary>A pattern that makes a strategy discussion required, naming the rule and the episodes behind it.</summary>
public sealed record PatternMet(string Rule, IReadOnlyList<string> EpisodeIds, string Reason);

/// <summary>
/// Going missing is one of the strongest signs of child sexual exploitation: some patterns put the child
/// in front of a strategy discussion without anyone having to notice them. Each rule is per-area
/// configuration: repeated episodes within a window, any episode of a child with an active high CSE
/// flag, an episode graded high.
/// </summary>
public static class DiscussionPatterns
{
    public const string RepeatedEpisodes = "repeated-episodes";
    public const string HighCseFlag = "high-cse-flag";
    public const string HighRiskEpisode = "high-risk-episode";

    /// <summary>
    /// The patterns the child's episodes meet now that <paramref name="latest"/> was reported or regraded.
    /// <paramref name="episodes"/> are all the child's episodes, <paramref name="latest"/> among them.
    /// </summary>
    public static IReadOnlyList<PatternMet> Met(IReadOnlyList<EpisodeFacts> episodes, EpisodeFacts latest, bool activeHighCseFlag, AreaMissingRules rules)
    {
        var met = new List<PatternMet>();
        var inWindow = InWindowBefore(episodes, latest.ReportedAt, rules);
        if (rules.RepeatEpisodes > 0 && inWindow.Count >= rules.RepeatEpisodes)
        {
            met.Add(new(RepeatedEpisodes, [.. inWindow.Select(e => e.Id)],
                $"{inWindow.Count} missing episodes in {rules.RepeatWindowDays} days (the area's rule: {rules.RepeatEpisodes})."));
        }

        if (rules.DiscussionForHighCseFlag && activeHighCseFlag)
        {
            met.Add(new(HighCseFlag, [latest.Id], "Missing while the child has an active high CSE flag."));
        }

        if (rules.DiscussionForHighRiskEpisode && latest.Risk == MissingRiskGrade.High)
        {
            met.Add(new(HighRiskEpisode, [latest.Id], "The missing episode is graded high risk."));
        }

        return met;
    }

    /// <summary>The episodes reported within the window that ends at <paramref name="at"/>, oldest first.</summary>
    public static IReadOnlyList<EpisodeFacts> InWindowBefore(IEnumerable<EpisodeFacts> episodes, DateTime at, AreaMissingRules rules) =>
        [.. episodes.Where(e => e.ReportedAt <= at && at - e.ReportedAt <= rules.RepeatWindow).OrderBy(e => e.ReportedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
}
