using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>review-flag</c>: re-rates an active CSE flag, saying why and on what evidence.</summary>
internal sealed class ReviewFlagCommand : ICliCommand
{
    public string Name => "review-flag";

    public IReadOnlyList<string> Options => ["id", "risk", "reason", "evidence", .. SuspectOptions.Names];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ReviewCseFlagRequest
        {
            FlagId = args.Require("id"),
            Risk = Choices.Parse("risk", args.Require("risk"), Choices.CseRisks),
            Reason = args.Require("reason"),
            Evidence = args.Require("evidence"),
            Suspect = SuspectOptions.Suspect(args),
            Contact = SuspectOptions.Contact(args),
        };
        var flag = await context.Assessments.ReviewCseFlagAsync(request, await context.CallOptionsAsync());
        CseFlagOutput.Write(context, flag);
        return 0;
    }
}
