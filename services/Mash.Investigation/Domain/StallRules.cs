using Mash.Contracts.Investigation.V1;

namespace Mash.Investigation.Domain;

/// <summary>A gap in an investigation: what is missing, since when, and when it became a stall.</summary>
public sealed record StallFact(StallReason Reason, DateTime Since, DateTime StalledAt)
{
    public TimeSpan Lasted(DateTime nowUtc) => nowUtc - Since;
}

/// <summary>
/// When a high-risk child's investigation is stalled (the review's girl: eight months with no interview, no
/// device examined, no safeguarding measure). Elapsed time throughout: a stall does not wait for a weekend,
/// a bank holiday or a clock change to pass.
/// </summary>
public static class StallRules
{
    /// <summary>The supervisory review due now: the last review's next, or the first review counted from opening.</summary>
    public static DateTime ReviewDue(InvestigationFacts facts, AreaInvestigationRules rules) =>
        facts.Reviews.Count == 0 ? facts.OpenedAt + rules.FirstReviewWithin : facts.Reviews.MaxBy(r => r.ReviewedAt)!.NextReviewDue;

    public static bool ReviewOverdue(InvestigationFacts facts, DateTime nowUtc, AreaInvestigationRules rules) =>
        facts.Open && nowUtc > ReviewDue(facts, rules);

    /// <summary>Every gap past its time, oldest first; none for a closed investigation or a child not at high risk.</summary>
    public static IReadOnlyList<StallFact> Stalls(InvestigationFacts facts, bool highRisk, DateTime nowUtc, AreaInvestigationRules rules)
    {
        if (!facts.Open || !highRisk)
        {
            return [];
        }

        var stalls = new List<StallFact>();
        if (!Done(facts, StepKind.AbeInterview))
        {
            stalls.Add(new StallFact(StallReason.NoAbeInterview, facts.OpenedAt, facts.OpenedAt + rules.AbeInterviewWithin));
        }

        if (!Done(facts, StepKind.SafeguardingMeasures))
        {
            stalls.Add(new StallFact(StallReason.NoSafeguardingMeasure, facts.OpenedAt, facts.OpenedAt + rules.SafeguardingMeasureWithin));
        }

        if (facts.Devices.Where(d => d.ExaminedAt is null).Select(d => (DateTime?)d.SeizedAt).Min() is { } oldestSeized)
        {
            stalls.Add(new StallFact(StallReason.DevicesNotExamined, oldestSeized, oldestSeized + rules.DeviceExaminationWithin));
        }

        var lastReviewed = facts.Reviews.Count == 0 ? facts.OpenedAt : facts.Reviews.Max(r => r.ReviewedAt);
        stalls.Add(new StallFact(StallReason.NoSupervisoryReview, lastReviewed, ReviewDue(facts, rules)));
        return [.. stalls.Where(s => nowUtc > s.StalledAt).OrderBy(s => s.Since).ThenBy(s => s.Reason)];
    }

    private static bool Done(InvestigationFacts facts, StepKind kind) => facts.Steps.Any(s => s.Kind == kind && s.CompletedAt is not null);
}
