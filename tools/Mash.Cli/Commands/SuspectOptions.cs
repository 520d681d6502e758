using System.CommandLine;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary>
/// A CSE flag's suspected perpetrator and where the child was contacted, from <c>--suspect-age</c>,
/// <c>--suspect-band</c>, <c>--suspect-relationship</c>, <c>--offender</c>, <c>--suspect-description</c>,
/// <c>--platform</c> and <c>--place</c>. Each is optional; the service checks them and names every bad field.
/// </summary>
internal sealed class SuspectOptions
{
    private readonly Option<int?> _age = CliOptions.WholeNumber("--suspect-age", 0, 999, "N", "The suspected perpetrator's age in years.");
    private readonly Option<SuspectAgeBand> _band = CliOptions.Choice("--suspect-band", Choices.SuspectAgeBands,
        "Their age band, when only an estimate of the age is known.");
    private readonly Option<SuspectRelationship> _relationship = CliOptions.Choice("--suspect-relationship", Choices.SuspectRelationships,
        "Who they are to the child.");
    private readonly Option<string> _offender = CliOptions.Text("--offender", "OFFENDER_ID",
        "An offender managed at this node: links the child to that offender here. Stays at this node.");
    private readonly Option<string> _description = CliOptions.Text("--suspect-description", "TEXT", "A description of them. Stays at this node.");
    private readonly Option<string> _platform = CliOptions.Text("--platform", "NAME", "The online platform where the child was contacted.");
    private readonly Option<string> _place = CliOptions.Text("--place", "TEXT", "The place where the child was contacted.");

    public IEnumerable<Option> All => [.. SuspectNamed, _platform, _place];

    private IEnumerable<Option> SuspectNamed => [_age, _band, _relationship, _offender, _description];

    /// <summary>Null when no suspect option was given.</summary>
    public SuspectedPerpetrator? Suspect(CommandContext context) =>
        SuspectNamed.Any(context.Has)
            ? new SuspectedPerpetrator
            {
                AgeYears = context.Value(_age) ?? 0,
                AgeBand = context.Value(_band),
                Relationship = context.Value(_relationship),
                OffenderId = context.Value(_offender)?.Trim() ?? "",
                Description = context.Value(_description)?.Trim() ?? "",
            }
            : null;

    /// <summary>Null when neither <c>--platform</c> nor <c>--place</c> was given.</summary>
    public CseContactContext? Contact(CommandContext context) =>
        context.Has(_platform) || context.Has(_place)
            ? new CseContactContext { OnlinePlatform = context.Value(_platform)?.Trim() ?? "", Place = context.Value(_place)?.Trim() ?? "" }
            : null;
}
