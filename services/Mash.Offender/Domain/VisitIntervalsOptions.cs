using Mash.Contracts.Offender.V1;

namespace Mash.Offender.Domain;

/// <summary>
/// Configuration section <c>Mash:Offender:Visits</c>: per area, the weeks between home visits for
/// each risk level; 0 manages the risk reactively (no scheduled visits). "default" applies to
/// areas not listed.
/// </summary>
public sealed record VisitIntervalsOptions
{
    public const string Section = "Mash:Offender:Visits";
    public const int MaxWeeks = 104;

    public Dictionary<string, AreaVisitIntervals> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public AreaVisitIntervals For(string area) =>
        Areas.GetValueOrDefault(area) ?? Areas.GetValueOrDefault("default") ?? new AreaVisitIntervals();

    public bool IsUsable() => Areas.Values.All(a => a.All.All(weeks => weeks is >= 0 and <= MaxWeeks));
}

/// <summary>The defaults: lower-risk offenders managed reactively, the highest seen every 4 weeks.</summary>
public sealed record AreaVisitIntervals
{
    public int LowWeeks { get; init; }
    public int MediumWeeks { get; init; } = 26;
    public int HighWeeks { get; init; } = 12;
    public int VeryHighWeeks { get; init; } = 4;

    public IEnumerable<int> All => [LowWeeks, MediumWeeks, HighWeeks, VeryHighWeeks];

    public int WeeksFor(OffenderRisk risk) => risk switch
    {
        OffenderRisk.Low => LowWeeks,
        OffenderRisk.Medium => MediumWeeks,
        OffenderRisk.High => HighWeeks,
        OffenderRisk.VeryHigh => VeryHighWeeks,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Not a risk level."),
    };
}
