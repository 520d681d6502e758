namespace Mash.Custody.Domain;

/// <summary>
/// Reviews of detention (PACE s40): the first due a fixed time after detention was authorised, each
/// later one the interval after the one before. Counted in elapsed time, so a night the clocks go
/// back or forward gives the child no longer and no shorter between reviews than any other night.
/// </summary>
public static class ReviewClock
{
    /// <summary>When each recorded review (in the order done) was due, and when the next is due.</summary>
    public static (IReadOnlyList<DateTime> DueAt, DateTime NextDueAt) Schedule(DateTime authorisedAt, IEnumerable<DateTime> reviewedAt, AreaCustodyRules rules)
    {
        var due = new List<DateTime>();
        var next = authorisedAt + rules.FirstReview;
        foreach (var at in reviewedAt.Order())
        {
            due.Add(next);
            next = at + rules.ReviewInterval;
        }

        return (due, next);
    }
}
