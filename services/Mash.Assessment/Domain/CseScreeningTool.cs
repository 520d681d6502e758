using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Domain;

/// <summary>The band a screening gives, its score, and every reason for it, in the order they apply.</summary>
public sealed record CseScreeningResult(int Score, CseRisk Risk, IReadOnlyList<string> Reasons);

/// <summary>
/// Scores CSE indicators into Low / Medium / High. Each indicator counts once; some force High on
/// their own; a child under 13 is never Low (DOMAIN.md). Weights and bands are configuration.
/// </summary>
public sealed class CseScreeningTool(IOptions<CseScreeningOptions> options)
{
    public static readonly CseScreeningTool Default = new(Options.Create(new CseScreeningOptions()));

    public static bool IsKnown(CseIndicator indicator) => indicator != CseIndicator.Unspecified && Enum.IsDefined(indicator);

    /// <param name="indicators">Known indicators only (<see cref="IsKnown"/>); duplicates count once.</param>
    /// <param name="ageInYears">The child's age on the screening date, if known.</param>
    public CseScreeningResult Score(IEnumerable<CseIndicator> indicators, int? ageInYears)
    {
        var table = options.Value;
        var present = indicators.Distinct().ToList();
        foreach (var indicator in present.Where(i => !IsKnown(i)))
        {
            throw new ArgumentOutOfRangeException(nameof(indicators), indicator, "Not a known CSE indicator.");
        }

        var weighted = present.Where(i => table.Weights.GetValueOrDefault(i) > 0).OrderBy(i => i).ToList();
        var score = weighted.Sum(i => table.Weights[i]);
        var reasons = new List<string>();
        if (weighted.Count > 0)
        {
            reasons.Add($"score {score}: " + string.Join(", ", weighted.Select(i => $"{Describe(i)} {table.Weights[i]}")));
        }

        var risk = score >= table.HighFrom ? CseRisk.High : score >= table.MediumFrom ? CseRisk.Medium : CseRisk.Low;
        reasons.Add($"score {score} bands {Describe(risk)} (Medium from {table.MediumFrom}, High from {table.HighFrom})");

        foreach (var forcing in present.Where(i => table.ForcesHigh.GetValueOrDefault(i)).OrderBy(i => i))
        {
            risk = CseRisk.High;
            reasons.Add($"{Describe(forcing)}: High on its own");
        }

        if (risk == CseRisk.Low && ageInYears < table.NeverLowUnderAge)
        {
            risk = CseRisk.Medium;
            reasons.Add($"under {table.NeverLowUnderAge}: never low");
        }

        return new CseScreeningResult(score, risk, reasons);
    }

    /// <summary>"missing episodes" for CSE_INDICATOR_MISSING_EPISODES.</summary>
    public static string Describe(CseIndicator indicator) => ProtoNames.Unprefixed(indicator).Replace('_', ' ').ToLowerInvariant();

    private static string Describe(CseRisk risk) => risk switch
    {
        CseRisk.High => "High",
        CseRisk.Medium => "Medium",
        _ => "Low",
    };
}
