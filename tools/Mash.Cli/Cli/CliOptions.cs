using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Mash.Contracts.Common.V1;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Mash.Cli;

/// <summary>
/// The kinds of option the commands take. Each checks its value as it is parsed and names the
/// option in its message, so a value that cannot be used ends the run with exit code 2 before
/// any call is made.
/// </summary>
internal static class CliOptions
{
    /// <summary>Longer help names would push every description in the help far to the right.</summary>
    private const int LongestHelpName = 30;

    /// <summary>A value used as given (commands trim where the service wants it trimmed).</summary>
    public static Option<string> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>A value that must be given and not be blank.</summary>
    public static Option<string> RequiredText(string name, string helpName, string description)
    {
        var option = Text(name, helpName, description);
        option.Required = true;
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            {
                result.AddError(Missing(name));
            }
        });
        return option;
    }

    /// <summary>An option that takes no value; <c>--json true</c> is refused, as the value would be ignored.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Arity = ArgumentArity.Zero, Description = description };

    /// <summary>One of <paramref name="names"/>, in any letter case (<c>--rag Amber</c>).</summary>
    public static Option<T> Choice<T>(string name, IReadOnlyDictionary<string, T> names, string description, bool required = false)
        where T : struct, System.Enum
    {
        var (helpName, fullDescription) = Offered(name, names.Keys, description);
        return new(name)
        {
            HelpName = helpName,
            Description = fullDescription,
            Required = required,
            CustomParser = result => Single(result, text => required && string.IsNullOrWhiteSpace(text)
                ? throw new UsageException(Missing(name))
                : Choices.Parse(name, text, names)),
        };
    }

    /// <summary>Any of <paramref name="names"/>: the option repeated, or values separated by commas; each counted once.</summary>
    public static Option<IReadOnlyList<T>> ChoiceList<T>(string name, IReadOnlyDictionary<string, T> names, string description)
        where T : struct, System.Enum
    {
        var (helpName, fullDescription) = Offered(name, names.Keys, description);
        return Repeated(name, helpName, fullDescription, tokens => tokens
            .SelectMany(token => token.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(text => Choices.Parse(name, text, names))
            .Distinct()
            .ToList());
    }

    /// <summary>
    /// A structured value (<c>AGENCY:NAME:ROLE</c>), once per person or action. Not split on commas:
    /// its free text may hold them.
    /// </summary>
    public static Option<IReadOnlyList<T>> Structured<T>(string name, string shape, string description, Func<string, T> parse) =>
        shape.Length <= LongestHelpName
            ? Repeated(name, shape, description, tokens => tokens.Select(parse).ToList())
            : Repeated(name, Placeholder(name), $"Written {shape}. {description}", tokens => tokens.Select(parse).ToList());

    public static Option<int?> WholeNumber(string name, int min, int max, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => Single<int?>(result, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new UsageException($"{name} must be a whole number from {min} to {max}")),
    };

    /// <summary>A date written YYYY-MM-DD.</summary>
    public static Option<Date?> Date(string name, string description) => new(name)
    {
        HelpName = "YYYY-MM-DD",
        Description = description,
        CustomParser = result => Single(result, text =>
            DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new Date { Year = date.Year, Month = date.Month, Day = date.Day }
                : throw new UsageException($"{name} must be a date written YYYY-MM-DD (got '{text}')")),
    };

    /// <summary>A local time written YYYY-MM-DD HH:MM, sent as UTC.</summary>
    public static Option<Timestamp?> LocalTime(string name, string description, bool required = false) => new(name)
    {
        HelpName = $"\"{LocalTimes.Shape}\"",
        Description = description,
        Required = required,
        CustomParser = result => Single(result, text => required && string.IsNullOrWhiteSpace(text)
            ? throw new UsageException(Missing(name))
            : LocalTimes.Parse(name, text)),
    };

    public static string Missing(string name) => $"{name} is required";

    /// <summary>Adds a group of options (the child's, the paging ones) to a command.</summary>
    public static Command With(this Command command, IEnumerable<Option> options)
    {
        foreach (var option in options)
        {
            command.Add(option);
        }

        return command;
    }

    /// <summary>
    /// The values a choice offers, in its help name (<c>--rag &lt;red|amber|green|blue&gt;</c>) while
    /// they fit, else listed after the description so the help's first column stays narrow.
    /// </summary>
    private static (string HelpName, string Description) Offered(string name, IEnumerable<string> values, string description)
    {
        var inline = string.Join('|', values);
        return inline.Length <= LongestHelpName
            ? (inline, description)
            : (Placeholder(name), $"{description} One of: {string.Join(", ", values)}.");
    }

    /// <summary>"--suspect-band" shown as &lt;SUSPECT-BAND&gt;.</summary>
    private static string Placeholder(string name) => name.TrimStart('-').ToUpperInvariant();

    private static Option<IReadOnlyList<T>> Repeated<T>(string name, string helpName, string description, Func<IEnumerable<string>, IReadOnlyList<T>> parse) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            // One value per --name, so "--rag red amber" is refused rather than read as two ratings.
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => Checked(result, () => parse(result.Tokens.Select(token => token.Value))),
        };

    /// <summary>The one value of a single-valued option; given twice, the arity check reports it instead.</summary>
    private static T? Single<T>(ArgumentResult result, Func<string, T> parse) =>
        result.Tokens.Count == 1 ? Checked(result, () => parse(result.Tokens[0].Value)) : default;

    /// <summary>A value the CLI's own parsers refuse with a <see cref="UsageException"/>, reported as a parse error.</summary>
    private static T? Checked<T>(ArgumentResult result, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
