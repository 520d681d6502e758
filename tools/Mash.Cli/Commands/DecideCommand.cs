using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>decide</c>: records the outcome; a late decision must say why (<c>--lateness-reason</c>).</summary>
internal sealed class DecideCommand : ICliCommand
{
    public string Name => "decide";

    public IReadOnlyList<string> Options => ["id", "outcome", "rationale", "lateness-reason"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new RecordDecisionRequest
        {
            ReferralId = args.Require("id"),
            Outcome = Choices.Parse("outcome", args.Require("outcome"), Choices.Outcomes),
            Rationale = args.Require("rationale"),
            LatenessReason = args.Value("lateness-reason") ?? "",
        };
        var referral = await context.Referrals.RecordDecisionAsync(request, await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
