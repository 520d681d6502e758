namespace Mash.Cli;

/// <summary>The subcommands, in the order the help lists them.</summary>
internal static class CommandSet
{
    /// <summary>New instances each time: an option belongs to the command tree it is added to.</summary>
    public static IReadOnlyList<ICliCommand> Create() =>
    [
        new TokenCommand(), new SubmitCommand(), new GetCommand(), new ListCommand(), new ScreenCommand(), new DecideCommand(),
        new AssessmentsCommand(), new AssessmentCommand(), new CheckCommand(), new CompleteCommand(),
        new ScreenCseCommand(), new RaiseFlagCommand(), new ReviewFlagCommand(), new ClearFlagCommand(),
        new ProfileCommand(), new HighRiskCommand(),
        new DiscussionsCommand(), new DiscussionCommand(), new NotYetHeldDiscussionsCommand(pastDueOnly: false), new NotYetHeldDiscussionsCommand(pastDueOnly: true), new RequireDiscussionCommand(),
        new ScheduleCommand(), new AttendanceCommand(), new ConcludeCommand(), new CompleteActionCommand(), new OverdueActionsCommand(),
        new AccessesCommand(), new DisclosuresCommand(), new AgreementsCommand(), new VerifyAuditCommand(), new ExportCommand(),
        new ReportCommand(),
    ];
}
