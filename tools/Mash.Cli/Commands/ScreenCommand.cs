using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>screen</c>: records the MASH RAG rating, which sets when the work is due.</summary>
internal sealed class ScreenCommand : ICliCommand
{
    public string Name => "screen";

    public IReadOnlyList<string> Options => ["id", "rag", "rationale"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new RecordScreeningRequest
        {
            ReferralId = args.Require("id"),
            Rag = Choices.Parse("rag", args.Require("rag"), Choices.Rags),
            Rationale = args.Require("rationale"),
        };
        var referral = await context.Referrals.RecordScreeningAsync(request, await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
