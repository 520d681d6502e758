using System.CommandLine;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary>
/// The child a command is about, from <c>--nhs</c>, <c>--given</c>, <c>--family</c> and
/// <c>--dob</c>. Only the date's shape is checked here; the service checks the NHS number's
/// check digit and whether the child is identified well enough, and names every bad field.
/// </summary>
internal sealed class ChildOptions
{
    private readonly bool _requireNhs;

    /// <param name="requireNhs">When true, <c>--nhs</c> is required.</param>
    /// <param name="withNames">False where only the NHS number and the date of birth matter (<c>screen-cse</c>).</param>
    public ChildOptions(bool requireNhs, bool withNames = true)
    {
        _requireNhs = requireNhs;
        Nhs = requireNhs
            ? CliOptions.RequiredText("--nhs", "NHS", "The child's NHS number.")
            : CliOptions.Text("--nhs", "NHS", "The child's NHS number.");
        Given = withNames ? CliOptions.Text("--given", "G", "The child's given name.") : null;
        Family = withNames ? CliOptions.Text("--family", "F", "The child's family name.") : null;
        DateOfBirth = CliOptions.Date("--dob", "The child's date of birth.");
    }

    public Option<string> Nhs { get; }
    public Option<string>? Given { get; }
    public Option<string>? Family { get; }
    public Option<Date?> DateOfBirth { get; }

    public IEnumerable<Option> All => new Option?[] { Nhs, Given, Family, DateOfBirth }.OfType<Option>();

    /// <summary>Whether any of the child's options was given.</summary>
    public bool AnyGiven(CommandContext context) => All.Any(context.Has);

    public ChildIdentity From(CommandContext context) => new()
    {
        // A required NHS number is sent as typed, an optional one trimmed, as the CLI always has.
        NhsNumber = _requireNhs ? context.Required(Nhs) : context.Value(Nhs)?.Trim() ?? "",
        GivenName = Given is null ? "" : context.Value(Given)?.Trim() ?? "",
        FamilyName = Family is null ? "" : context.Value(Family)?.Trim() ?? "",
        DateOfBirth = context.Value(DateOfBirth),
    };
}
