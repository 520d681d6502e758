using System.CommandLine;

namespace Mash.Cli;

/// <summary>
/// Rules of the CLI's command line that System.CommandLine does not have, applied before it
/// parses, so scripts written for the CLI keep working and mistakes read as they always have:
/// the command may come after options and in any letter case (<c>--client police-mash LIST</c>);
/// an option followed by another <c>--option</c> is missing its value, where the library would
/// take the next option as the value (a value that itself starts with <c>--</c> is written
/// <c>--name=VALUE</c>, so a lone <c>--</c> has no use and is refused); and a flag given a value
/// (<c>--json=yes</c>) is refused by name.
/// </summary>
internal static class ArgumentConventions
{
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> args, Command root)
    {
        var commands = root.Subcommands.ToDictionary(c => c.Name, c => c.Name, StringComparer.OrdinalIgnoreCase);
        var options = root.Options.Concat(root.Subcommands.SelectMany(c => c.Options)).ToList();
        var takingValues = Names(options.Where(o => o.Arity.MaximumNumberOfValues > 0));
        var flags = Names(options.Where(o => o.Arity.MaximumNumberOfValues == 0));
        int? commandAt = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (takingValues.Contains(arg))
            {
                if (i + 1 < args.Count && args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{arg} needs a value (write {arg}=VALUE when the value itself starts with --)");
                }

                i++;
            }
            else if (arg == "--")
            {
                throw new UsageException("'--' is not an option");
            }
            else if (arg.Split('=', 2) is [var flag, _] && flags.Contains(flag))
            {
                throw new UsageException($"{flag} takes no value");
            }
            else if (!arg.StartsWith('-'))
            {
                commandAt ??= i;
            }
        }

        // Only the first bare word can be the command; any other is a stray the parser reports.
        if (commandAt is not { } at || !commands.TryGetValue(args[at], out var command))
        {
            return args;
        }

        return [command, .. args.Take(at), .. args.Skip(at + 1)];
    }

    private static HashSet<string> Names(IEnumerable<Option> options) =>
        options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
}
