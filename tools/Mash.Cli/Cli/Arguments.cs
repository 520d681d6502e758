using System.Globalization;

namespace Mash.Cli;

/// <summary>
/// A command line split into its command and options, parsed by hand to keep the tool free of
/// extra packages. Options are <c>--name value</c> or <c>--name=value</c>; names listed as flags
/// take no value (<c>--json</c>). An option may be repeated; <see cref="Value"/> refuses that
/// where only one value makes sense, <see cref="Values"/> collects them all.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options;
    private readonly HashSet<string> _flags;

    private Arguments(string? command, IReadOnlyList<string> positionals, Dictionary<string, List<string>> options, HashSet<string> flags)
    {
        Command = command;
        Positionals = positionals;
        _options = options;
        _flags = flags;
    }

    /// <summary>The first bare word, e.g. <c>submit</c>; null when there is none.</summary>
    public string? Command { get; }

    /// <summary>Bare words after the command (only <c>help</c> accepts any).</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Every option name given, flags included, without the leading dashes.</summary>
    public IEnumerable<string> Names => _options.Keys.Concat(_flags);

    /// <param name="args">The raw arguments.</param>
    /// <param name="flagNames">Names (without dashes) that take no value.</param>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(flagNames);
        string? command = null;
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?")
            {
                flags.Add("help");
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg.Length > 1 && arg[0] == '-')
                {
                    throw new UsageException($"unknown option '{arg}' (options are spelled --name)");
                }

                if (command is null)
                {
                    command = arg;
                }
                else
                {
                    positionals.Add(arg);
                }

                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (name.Length == 0)
            {
                throw new UsageException($"'{arg}' is not an option");
            }

            if (flagNames.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                flags.Add(name);
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                // A value that itself starts with "--" must use --name=value, so a forgotten
                // value is reported rather than the next option being swallowed as the value.
                value = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value (write --{name}=VALUE when the value itself starts with --)");
            }

            if (!options.TryGetValue(name, out var list))
            {
                options[name] = list = [];
            }

            list.Add(value);
        }

        return new Arguments(command, positionals, options, flags);
    }

    public bool Has(string name) => _flags.Contains(name) || _options.ContainsKey(name);

    /// <summary>The option's value, or null when it is absent; giving it twice is a usage error.</summary>
    public string? Value(string name)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new UsageException($"--{name} given more than once");
    }

    /// <summary>Every value of a repeatable option; comma-separated lists are split too.</summary>
    public IReadOnlyList<string> Values(string name) =>
        _options.TryGetValue(name, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];

    /// <summary>
    /// Every value of a repeatable option exactly as given, not split on commas: for structured
    /// values whose free text may hold commas (<c>--absent "health:...:in clinic, sent a report"</c>).
    /// </summary>
    public IReadOnlyList<string> ValuesAsGiven(string name) =>
        _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>The option's value; absent or blank is a usage error.</summary>
    public string Require(string name)
    {
        var value = Value(name);
        return string.IsNullOrWhiteSpace(value) ? throw new UsageException($"--{name} is required") : value;
    }

    public int? IntValue(string name, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}");
    }

    /// <summary>Refuses options the command does not know and stray words, naming the first.</summary>
    public void EnsureOnly(IEnumerable<string> allowed, string command)
    {
        var known = allowed.ToHashSet(StringComparer.Ordinal);
        var unknown = Names.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw new UsageException($"'{command}' does not take --{unknown}");
        }

        if (Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{Positionals[0]}' (values follow their --option)");
        }
    }
}
