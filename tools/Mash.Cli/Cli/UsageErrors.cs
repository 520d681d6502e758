using System.CommandLine;
using System.CommandLine.Parsing;

namespace Mash.Cli;

/// <summary>
/// The first thing wrong with a command line, as one line naming the option or word, worded as
/// the CLI has always worded it (scripts and support notes quote these): the library's own
/// messages are kept only for what the CLI never said itself.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
        {
            return Unmatched(parse.UnmatchedTokens[0], command, parse.RootCommandResult.Command);
        }

        var error = parse.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { IdentifierToken: null, Option: { Required: true } option } => CliOptions.Missing(option.Name),
            OptionResult { Tokens.Count: 0, Option: var option } when option.Arity.MinimumNumberOfValues > 0 =>
                $"{option.Name} needs a value (write {option.Name}=VALUE when the value itself starts with --)",
            OptionResult { Option: var option } result when result.Tokens.Count > option.Arity.MaximumNumberOfValues =>
                $"{option.Name} given more than once",
            _ => error.Message,
        };
    }

    private static string Unmatched(string token, Command command, Command root)
    {
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            var name = token.Split('=', 2)[0];
            return command == root ? $"unknown option {name}" : $"'{command.Name}' does not take {name}";
        }

        if (token.Length > 1 && token[0] == '-')
        {
            return $"unknown option '{token}' (options are spelled --name)";
        }

        return command == root
            ? $"unknown command '{token}'; commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}"
            : $"unexpected argument '{token}' (values follow their --option)";
    }
}
