using System.CommandLine;

namespace Mash.Cli;

/// <summary>One subcommand: its definition (name, description, options) and its work.</summary>
internal interface ICliCommand
{
    /// <summary>What the parser and the help see; its options are this command's own instances.</summary>
    Command Definition { get; }

    /// <summary>Runs the command and gives the process exit code.</summary>
    Task<int> RunAsync(CommandContext context);
}
