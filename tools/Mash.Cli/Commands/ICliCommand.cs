namespace Mash.Cli;

/// <summary>One subcommand: its name, the options it takes beyond the shared ones, and its work.</summary>
internal interface ICliCommand
{
    string Name { get; }

    IReadOnlyList<string> Options { get; }

    /// <summary>Runs the command and gives the process exit code.</summary>
    Task<int> RunAsync(CommandContext context);
}
