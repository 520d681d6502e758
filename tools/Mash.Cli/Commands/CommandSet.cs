namespace Mash.Cli;

/// <summary>The subcommands by name.</summary>
internal static class CommandSet
{
    private static readonly ICliCommand[] All =
    [
        new TokenCommand(), new SubmitCommand(), new GetCommand(), new ListCommand(), new ScreenCommand(), new DecideCommand(),
        new AssessmentsCommand(), new AssessmentCommand(), new CheckCommand(), new CompleteCommand(),
        new ScreenCseCommand(), new RaiseFlagCommand(), new ReviewFlagCommand(), new ClearFlagCommand(),
        new ProfileCommand(), new HighRiskCommand(),
        new DiscussionsCommand(), new DiscussionCommand(), new NotYetHeldDiscussionsCommand(pastDueOnly: false), new NotYetHeldDiscussionsCommand(pastDueOnly: true), new RequireDiscussionCommand(),
        new ScheduleCommand(), new AttendanceCommand(), new ConcludeCommand(), new CompleteActionCommand(), new OverdueActionsCommand(),
    ];

    public static ICliCommand Find(string name) =>
        All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown command '{name}'; commands are {string.Join(", ", All.Select(c => c.Name))}, help");
}
