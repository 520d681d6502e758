using System.CommandLine;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Cli;

/// <summary><c>review-flag</c>: re-rates an active CSE flag, saying why and on what evidence.</summary>
internal sealed class ReviewFlagCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "FLAG", "The CSE flag.");
    private readonly Option<CseRisk> _risk = CliOptions.Choice("--risk", Choices.CseRisks, "The CSE risk now.", required: true);
    private readonly Option<string> _reason = CliOptions.RequiredText("--reason", "TEXT", "Why it is re-rated.");
    private readonly Option<string> _evidence = CliOptions.RequiredText("--evidence", "TEXT", "What it rests on.");
    private readonly SuspectOptions _suspect = new();

    public ReviewFlagCommand() => Definition = new Command("review-flag",
        "Re-rate a CSE flag [Cse.Manage]. The suspect and contact options, as for raise-flag, replace the flag's when given.")
    {
        _id, _risk, _reason, _evidence,
    }.With(_suspect.All);

    public Command Definition { get; }

    public ReviewCseFlagRequest Request(CommandContext context) => new()
    {
        FlagId = context.Required(_id),
        Risk = context.Required(_risk),
        Reason = context.Required(_reason),
        Evidence = context.Required(_evidence),
        Suspect = _suspect.Suspect(context),
        Contact = _suspect.Contact(context),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var flag = await context.Assessments.ReviewCseFlagAsync(Request(context), await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
