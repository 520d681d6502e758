using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>clear-flag</c>: clears a CSE flag, saying why and on what evidence; its history is kept.</summary>
internal sealed class ClearFlagCommand : ICliCommand
{
    public string Name => "clear-flag";

    public IReadOnlyList<string> Options => ["id", "reason", "evidence"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ClearCseFlagRequest
        {
            FlagId = args.Require("id"),
            Reason = args.Require("reason"),
            Evidence = args.Require("evidence"),
        };
        var flag = await context.Assessments.ClearCseFlagAsync(request, await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
