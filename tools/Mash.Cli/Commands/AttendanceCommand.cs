using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>attendance</c>: who took part, by agency and role, and who could not and why. It replaces the
/// discussion's participants (the invitation list included), so name everyone each time.
/// </summary>
internal sealed class AttendanceCommand : ICliCommand
{
    private readonly Option<string> _id = CliOptions.RequiredText("--id", "DSC", "The discussion.");
    private readonly Option<IReadOnlyList<Participant>> _present = CliOptions.Structured("--present", StrategyValues.PresentShape,
        "Someone who attended (at least one); repeat it for each person.", StrategyValues.Present);
    private readonly Option<IReadOnlyList<Participant>> _absent = CliOptions.Structured("--absent", StrategyValues.AbsentShape,
        "Someone who could not attend, and why; repeat it for each person.", StrategyValues.Absent);

    public AttendanceCommand() => Definition = new Command("attendance",
        "Record who attended and who could not, and why [Strategy.Manage]. Replaces the participants (invitations included): "
        + "name everyone each time. Children's social care, health and police must each attend or be excused with a reason "
        + "before the discussion can be concluded.")
    {
        _id, _present, _absent,
    };

    public Command Definition { get; }

    public RecordAttendanceRequest Request(CommandContext context)
    {
        var request = new RecordAttendanceRequest { DiscussionId = context.Required(_id) };
        request.Participants.AddRange(context.Values(_present));
        if (request.Participants.Count == 0)
        {
            throw new UsageException($"--present {StrategyValues.PresentShape} is required (repeat it for each person who attended)");
        }

        request.Participants.AddRange(context.Values(_absent));
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var discussion = await context.Strategy.RecordAttendanceAsync(Request(context), await context.CallOptionsAsync());
        DiscussionOutput.Write(context, discussion);
        return 0;
    }
}
