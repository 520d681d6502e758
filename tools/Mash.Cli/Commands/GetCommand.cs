using System.CommandLine;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>get</c>: one referral by id.</summary>
internal sealed class GetCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "REF", "The referral.");

    public GetCommand() => Definition = new Command("get",
        "Show a referral (at the referring node, its copy with the outcome the front door reported).") { _id };

    public Command Definition { get; }

    public GetReferralRequest Request(CommandContext context) => new() { ReferralId = context.Required(_id) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var referral = await context.Referrals.GetReferralAsync(Request(context), await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
