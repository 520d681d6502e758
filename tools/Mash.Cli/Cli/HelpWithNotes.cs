using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Mash.Cli;

/// <summary>
/// The library's help, generated from the command definitions, followed on the root command's
/// page by <see cref="HelpNotes.Text"/>.
/// </summary>
internal sealed class HelpWithNotes : SynchronousCommandLineAction
{
    /// <summary>Help piped to a file or a pager is wrapped at this width rather than left on one long line per option.</summary>
    private const int RedirectedWidth = 100;

    private readonly HelpAction _generated;
    private readonly Command _root;

    public HelpWithNotes(HelpAction generated, Command root)
    {
        _generated = generated;
        _root = root;
        if (Console.IsOutputRedirected)
        {
            _generated.MaxWidth = RedirectedWidth;
        }
    }

    /// <summary>Help is asked for; whatever else on the line is wrong can wait.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = _generated.Invoke(parseResult);
        if (parseResult.CommandResult.Command == _root)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(HelpNotes.Text);
        }

        return exitCode;
    }
}
