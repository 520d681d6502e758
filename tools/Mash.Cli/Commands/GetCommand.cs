using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>get</c>: one referral by id.</summary>
internal sealed class GetCommand : ICliCommand
{
    public string Name => "get";

    public IReadOnlyList<string> Options => ["id"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = new GetReferralRequest { ReferralId = context.Arguments.Require("id") };
        var referral = await context.Referrals.GetReferralAsync(request, await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
