using System.CommandLine;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary>
/// <c>raise-flag</c>: raises a CSE flag on a child. The lawful basis recorded with the flag is the
/// run's <c>--lawful-basis</c>, the same one sent as metadata. Retrying with the same
/// <c>--key</c> returns the same flag.
/// </summary>
internal sealed class RaiseFlagCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: true);
    private readonly Option<CseRisk> _risk = CliOptions.Choice("--risk", Choices.CseRisks, "The CSE risk.", required: true);
    private readonly Option<string> _reason = CliOptions.RequiredText("--reason", "TEXT", "Why the flag is raised.");
    private readonly Option<string> _evidence = CliOptions.RequiredText("--evidence", "TEXT", "What it rests on.");
    private readonly SuspectOptions _suspect = new();
    private readonly Option<string> _key = IdempotencyKey.Option("the same flag");

    public RaiseFlagCommand() => Definition = new Command("raise-flag",
        "Raise a CSE flag on a child [Cse.Manage], optionally with the suspect and where the child was contacted. "
        + "The flag records --lawful-basis, the basis also sent with the call.")
        .With(_child.All).With([_risk, _reason, _evidence]).With(_suspect.All).With([_key]);

    public Command Definition { get; }

    public RaiseCseFlagRequest Request(CommandContext context)
    {
        var request = new RaiseCseFlagRequest
        {
            Child = _child.From(context),
            Risk = context.Required(_risk),
            Reason = context.Required(_reason),
            Evidence = context.Required(_evidence),
            LawfulBasis = Choices.LawfulBasisValue(context.Settings.LawfulBasis),
            Suspect = _suspect.Suspect(context),
            Contact = _suspect.Contact(context),
        };
        // Last, so a usage error above does not print a key for a call never made.
        request.IdempotencyKey = IdempotencyKey.Resolve(context, _key, "this flag");
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var flag = await context.Assessments.RaiseCseFlagAsync(Request(context), await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
