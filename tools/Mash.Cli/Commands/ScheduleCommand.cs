using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>schedule</c>: when and how a discussion is to be held, and who is invited. Scheduling again
/// replaces the time, format and invitation list.
/// </summary>
internal sealed class ScheduleCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "DSC", "The discussion.");
    private readonly Option<Timestamp?> _at = CliOptions.LocalTime("--at", "When it is held, local time.", required: true);
    private readonly Option<DiscussionFormat> _format = CliOptions.Choice("--format", Choices.DiscussionFormats, "How it is held.", required: true);
    private readonly Option<IReadOnlyList<Participant>> _invite = CliOptions.Structured("--invite", StrategyValues.InviteShape,
        "Someone invited, with the apologies they sent in advance if any; repeat it for each person.", StrategyValues.Invited);

    public ScheduleCommand() => Definition = new Command("schedule",
        "Set when and how a discussion is held, and who is invited [Strategy.Manage]. Replaces the earlier time, format "
        + "and invitation list.")
    {
        _id, _at, _format, _invite,
    };

    public Command Definition { get; }

    public ScheduleDiscussionRequest Request(CommandContext context)
    {
        var request = new ScheduleDiscussionRequest
        {
            DiscussionId = context.Required(_id),
            ScheduledFor = context.Value(_at),
            Format = context.Required(_format),
        };
        request.Invited.AddRange(context.Values(_invite));
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.ScheduleDiscussionAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
