using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>clear-flag</c>: clears a CSE flag, saying why and on what evidence; its history is kept.</summary>
internal sealed class ClearFlagCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "FLAG", "The CSE flag.");
    private readonly Option<string> _reason = CliOptions.RequiredText("--reason", "TEXT", "Why it is cleared.");
    private readonly Option<string> _evidence = CliOptions.RequiredText("--evidence", "TEXT", "What that rests on.");

    public ClearFlagCommand() => Definition = new Command("clear-flag", "Clear a CSE flag, keeping its history [Cse.Manage].")
    {
        _id, _reason, _evidence,
    };

    public Command Definition { get; }

    public ClearCseFlagRequest Request(CommandContext context) => new()
    {
        FlagId = context.Required(_id),
        Reason = context.Required(_reason),
        Evidence = context.Required(_evidence),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var flag = await context.Assessments.ClearCseFlagAsync(Request(context), await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
