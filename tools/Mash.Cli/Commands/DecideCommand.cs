using System.CommandLine;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary><c>decide</c>: records the outcome; a late decision must say why (<c>--lateness-reason</c>).</summary>
internal sealed class DecideCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "REF", "The referral.");
    private readonly Option<ReferralOutcome> _outcome = CliOptions.Choice("--outcome", Choices.Outcomes, "The decision.", required: true);
    private readonly Option<string> _rationale = CliOptions.RequiredText("--rationale", "TEXT", "Why that decision.");
    private readonly Option<string> _latenessReason = CliOptions.Text("--lateness-reason", "TEXT", "Why the decision is late (required when it is).");

    public DecideCommand() => Definition = new Command("decide",
        "Record the decision, at the area's front door. A strategy discussion or immediate protection makes a discussion "
        + "required; those and child-in-need open the child's assessment; the referrer hears back.")
    {
        _id, _outcome, _rationale, _latenessReason,
    };

    public Command Definition { get; }

    public RecordDecisionRequest Request(CommandContext context) => new()
    {
        ReferralId = context.Required(_id),
        Outcome = context.Required(_outcome),
        Rationale = context.Required(_rationale),
        LatenessReason = context.Value(_latenessReason) ?? "",
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var referral = await context.Referrals.RecordDecisionAsync(Request(context), await context.CallOptionsAsync());
        ReferralOutput.Write(context, referral);
        return 0;
    }
}
