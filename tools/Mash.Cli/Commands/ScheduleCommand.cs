using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>schedule</c>: when and how a discussion is to be held, and who is invited. Scheduling again
/// replaces the time, format and invitation list.
/// </summary>
internal sealed class ScheduleCommand : ICliCommand
{
    public string Name => "schedule";

    public IReadOnlyList<string> Options => ["id", "at", "format", "invite"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ScheduleDiscussionRequest
        {
            DiscussionId = args.Require("id"),
            ScheduledFor = LocalTimes.Parse("at", args.Require("at")),
            Format = Choices.Parse("format", args.Require("format"), Choices.DiscussionFormats),
        };
        request.Invited.AddRange(args.ValuesAsGiven("invite").Select(StrategyValues.Invited));
        var discussion = await context.Strategy.ScheduleDiscussionAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
