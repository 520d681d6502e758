using Mash.Contracts.Assessment.V1;

namespace Mash.Assessment.Domain;

/// <summary>
/// Configuration section <c>Mash:Assessment:CseScreening</c>: the local screening tool's weights
/// and bands (areas use different tools). Keys are the indicators' names, e.g.
/// <c>Mash__Assessment__CseScreening__Weights__MissingEpisodes=4</c>.
/// </summary>
public sealed record CseScreeningOptions
{
    public const string Section = "Mash:Assessment:CseScreening";

    public Dictionary<CseIndicator, int> Weights { get; init; } = new()
    {
        [CseIndicator.MissingEpisodes] = 3,
        [CseIndicator.OlderAssociates] = 3,
        [CseIndicator.UnexplainedGiftsOrMoney] = 2,
        [CseIndicator.SubstanceMisuse] = 2,
        [CseIndicator.SexualHealthConcerns] = 3,
        [CseIndicator.OnlineContactWithUnknownAdults] = 2,
        [CseIndicator.SchoolAbsence] = 1,
        [CseIndicator.SelfHarm] = 2,
        [CseIndicator.FamilyBreakdown] = 1,
        [CseIndicator.LookedAfter] = 1,
        [CseIndicator.HotspotLocations] = 2,
    };

    /// <summary>Indicators that band the child High on their own, whatever the score.</summary>
    public Dictionary<CseIndicator, bool> ForcesHigh { get; init; } = new()
    {
        [CseIndicator.Disclosure] = true,
        [CseIndicator.LinkedToKnownPerpetrator] = true,
    };

    /// <summary>The lowest score banded Medium (below it: Low).</summary>
    public int MediumFrom { get; init; } = 5;

    /// <summary>The lowest score banded High.</summary>
    public int HighFrom { get; init; } = 10;

    /// <summary>A child younger than this is never banded Low.</summary>
    public int NeverLowUnderAge { get; init; } = 13;

    /// <summary>What makes the table unusable, or null.</summary>
    public string? Problem() =>
        Weights.Keys.Any(k => k == CseIndicator.Unspecified || !Enum.IsDefined(k)) || ForcesHigh.Keys.Any(k => k == CseIndicator.Unspecified || !Enum.IsDefined(k))
            ? "an unknown indicator is named"
            : Weights.Values.Any(w => w < 0) ? "a weight is negative"
            : MediumFrom < 1 || HighFrom <= MediumFrom ? "the bands must satisfy 1 <= MediumFrom < HighFrom"
            : NeverLowUnderAge < 0 ? "NeverLowUnderAge is negative"
            : null;
}
