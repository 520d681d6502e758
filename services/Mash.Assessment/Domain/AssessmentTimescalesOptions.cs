namespace Mash.Assessment.Domain;

/// <summary>
/// Configuration section <c>Mash:Assessment:Timescales</c>: per area, how many working days an
/// assessment may take from the referral's receipt. "default" applies to areas not listed.
/// </summary>
public sealed record AssessmentTimescalesOptions
{
    public const string Section = "Mash:Assessment:Timescales";

    public Dictionary<string, AreaAssessmentTimescales> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public AreaAssessmentTimescales For(string area) =>
        Areas.GetValueOrDefault(area) ?? Areas.GetValueOrDefault("default") ?? new AreaAssessmentTimescales();
}

public sealed record AreaAssessmentTimescales
{
    /// <summary>Working Together: a social-work assessment lasts at most 45 working days from referral.</summary>
    public const double StatutoryMaximum = 45;

    public double AssessmentWorkingDays { get; init; } = StatutoryMaximum;
}
