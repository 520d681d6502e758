using System.CommandLine;

namespace Mash.Cli;

/// <summary><c>help</c>, <c>help COMMAND</c>: the same pages as <c>--help</c> and <c>COMMAND --help</c>.</summary>
internal static class HelpCommand
{
    public static Command Create(MashCommandLine commandLine)
    {
        var name = new Argument<string[]>("COMMAND")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "A command whose options to show; without one, every command and the notes.",
        };
        var help = new Command("help", "This text, or a command's options (also -h or --help).")
        {
            name,
        };
        // Whatever else follows 'help', it shows help, as it always has.
        help.TreatUnmatchedTokensAsErrors = false;
        help.SetAction(parse => commandLine.ShowHelp(parse.InvocationConfiguration, parse.GetValue(name)?.FirstOrDefault()));
        return help;
    }
}
