namespace Mash.Assessment.Domain.Missing;

/// <summary>
/// The return interview: offered within 72 hours of the child being found or coming back, by someone
/// independent of the carer. It is settled when done, declined by the child, or recorded as not done
/// with a reason; until then it is overdue once the time has passed. Elapsed hours, so a weekend or a
/// clock change neither shortens nor lengthens it.
/// </summary>
public static class ReturnInterviews
{
    public static DateTime? DueAt(EpisodeFacts episode, AreaMissingRules rules) => episode.ReturnedAt + rules.ReturnInterviewWithin;

    /// <summary>Settled: done, declined or not done with a reason.</summary>
    public static bool Settled(InterviewState state) => state is InterviewState.Done or InterviewState.Declined or InterviewState.NotDone;

    /// <summary>Past due and not settled by then (settled late counts as late, not overdue now).</summary>
    public static bool Overdue(EpisodeFacts episode, DateTime now, AreaMissingRules rules) =>
        DueAt(episode, rules) is { } due && !Settled(episode.Interview) && now > due;

    /// <summary>Settled after it was due.</summary>
    public static bool Late(EpisodeFacts episode, AreaMissingRules rules) =>
        DueAt(episode, rules) is { } due && Settled(episode.Interview) && episode.InterviewClosedAt > due;

    /// <summary>Returned within the recent window, and no interview offered or settled: the daily list's "no interview arranged".</summary>
    public static bool ReturnedWithoutInterviewArranged(EpisodeFacts episode, DateTime now, AreaMissingRules rules) =>
        episode.ReturnedAt is { } returned && now - returned <= TimeSpan.FromHours(rules.ReturnedRecentlyHours) && episode.Interview == InterviewState.Due;
}
