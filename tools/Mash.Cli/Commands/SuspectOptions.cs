using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary>
/// A CSE flag's suspected perpetrator and where the child was contacted, from <c>--suspect-age</c>,
/// <c>--suspect-band</c>, <c>--suspect-relationship</c>, <c>--offender</c>, <c>--suspect-description</c>,
/// <c>--platform</c> and <c>--place</c>. Each is optional; the service checks them and names every bad field.
/// </summary>
internal static class SuspectOptions
{
    private static readonly string[] SuspectNames = ["suspect-age", "suspect-band", "suspect-relationship", "offender", "suspect-description"];
    private static readonly string[] ContactNames = ["platform", "place"];

    public static readonly IReadOnlyList<string> Names = [.. SuspectNames, .. ContactNames];

    /// <summary>Null when no suspect option was given.</summary>
    public static SuspectedPerpetrator? Suspect(Arguments args)
    {
        if (!SuspectNames.Any(args.Has))
        {
            return null;
        }

        return new SuspectedPerpetrator
        {
            AgeYears = args.IntValue("suspect-age", 0, 999) ?? 0,
            AgeBand = args.Value("suspect-band") is { } band ? Choices.Parse("suspect-band", band, Choices.SuspectAgeBands) : SuspectAgeBand.Unspecified,
            Relationship = args.Value("suspect-relationship") is { } relationship
                ? Choices.Parse("suspect-relationship", relationship, Choices.SuspectRelationships)
                : SuspectRelationship.Unspecified,
            OffenderId = args.Value("offender")?.Trim() ?? "",
            Description = args.Value("suspect-description")?.Trim() ?? "",
        };
    }

    /// <summary>Null when neither <c>--platform</c> nor <c>--place</c> was given.</summary>
    public static CseContactContext? Contact(Arguments args) =>
        ContactNames.Any(args.Has)
            ? new CseContactContext { OnlinePlatform = args.Value("platform")?.Trim() ?? "", Place = args.Value("place")?.Trim() ?? "" }
            : null;
}
