using System.CommandLine;
using System.CommandLine.Help;

namespace Mash.Cli;

/// <summary>Runs a parsed command; the CLI calls the service, tests look at what it would send.</summary>
internal delegate Task<int> CommandRunner(ICliCommand command, CommandContext context);

/// <summary>
/// The command tree: the shared options, every command with its options, <c>help</c>, and the
/// help generated from them. One instance per run: options belong to the tree they are added to.
/// </summary>
internal sealed class MashCommandLine
{
    private static readonly ParserConfiguration Parsing = new()
    {
        // "-abc" is not three flags here, and "@file" is a value like any other, not a file of arguments.
        EnablePosixBundling = false,
        ResponseFileTokenReplacer = null,
    };

    private readonly Dictionary<Command, ICliCommand> _commands = [];

    /// <param name="environment">Where MASH_GATEWAY, MASH_CACERT and MASH_CLIENT_SECRET are looked up.</param>
    /// <param name="run">What a command's invocation does with it.</param>
    public MashCommandLine(Func<string, string?> environment, CommandRunner run)
    {
        Root = new Command("mash", HelpNotes.Description).With(Shared.All);
        // The spellings the CLI has always taken, not the library's Windows ones (/h, /?) as well.
        var help = new HelpOption("--help", "-h", "-?");
        help.Action = new HelpWithNotes((HelpAction)help.Action!, Root);
        Root.Add(help);

        foreach (var command in CommandSet.Create())
        {
            command.Definition.SetAction(async (parse, cancellation) =>
            {
                var io = parse.InvocationConfiguration;
                using var context = new CommandContext(parse, CliSettings.From(parse, Shared, environment), io.Output, io.Error, environment, cancellation);
                return await run(command, context);
            });
            Root.Add(command.Definition);
            _commands.Add(command.Definition, command);
        }

        Root.Add(HelpCommand.Create(this));
        Root.SetAction(parse => ShowHelp(parse.InvocationConfiguration, commandName: null));
    }

    public Command Root { get; }

    public SharedOptions Shared { get; } = new();

    public IEnumerable<ICliCommand> Commands => _commands.Values;

    /// <exception cref="UsageException">An option is followed by another option instead of its value.</exception>
    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(ArgumentConventions.Apply(args, Root), Parsing);

    /// <summary>The command the line names; null for <c>help</c> or none.</summary>
    public ICliCommand? CommandFor(ParseResult parse) => _commands.GetValueOrDefault(parse.CommandResult.Command);

    /// <summary>The help of the command named (in any letter case), else the root's with every command listed.</summary>
    public int ShowHelp(InvocationConfiguration io, string? commandName)
    {
        var command = Root.Subcommands.FirstOrDefault(c => c.Name.Equals(commandName, StringComparison.OrdinalIgnoreCase));
        return Root.Parse(command is null ? ["--help"] : [command.Name, "--help"], Parsing).Invoke(io);
    }
}
