using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>attendance</c>: who took part, by agency and role, and who could not and why. It replaces the
/// discussion's participants (the invitation list included), so name everyone each time.
/// </summary>
internal sealed class AttendanceCommand : ICliCommand
{
    public string Name => "attendance";

    public IReadOnlyList<string> Options => ["id", "present", "absent"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new RecordAttendanceRequest { DiscussionId = args.Require("id") };
        request.Participants.AddRange(args.ValuesAsGiven("present").Select(StrategyValues.Present));
        if (request.Participants.Count == 0)
        {
            throw new UsageException($"--present {StrategyValues.PresentShape} is required (repeat it for each person who attended)");
        }

        request.Participants.AddRange(args.ValuesAsGiven("absent").Select(StrategyValues.Absent));
        var discussion = await context.Strategy.RecordAttendanceAsync(request, await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
