using System.CommandLine;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>screen</c>: records the MASH RAG rating, which sets when the work is due.</summary>
internal sealed class ScreenCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "REF", "The referral.");
    private readonly Option<Rag> _rag = CliOptions.Choice("--rag", Choices.Rags, "The MASH RAG rating.", required: true);
    private readonly Option<string> _rationale = CliOptions.RequiredText("--rationale", "TEXT", "Why that rating.");

    public ScreenCommand() => Definition = new Command("screen", "Record the MASH RAG rating, at the area's front door.")
    {
        _id, _rag, _rationale,
    };

    public Command Definition { get; }

    public RecordScreeningRequest Request(CommandContext context) => new()
    {
        ReferralId = context.Required(_id),
        Rag = context.Required(_rag),
        Rationale = context.Required(_rationale),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var referral = await context.Referrals.RecordScreeningAsync(Request(context), await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
