using System.Reflection;
using Google.Protobuf.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// The short, typeable names the CLI uses for contract enums (<c>--rag amber</c>) and back.
/// The MASH vocabulary is kept as practitioners say it: "nfa", "child-in-need".
/// </summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, ReferralStatus> Statuses = new Dictionary<string, ReferralStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["awaiting-screening"] = ReferralStatus.AwaitingScreening,
        ["awaiting-decision"] = ReferralStatus.AwaitingDecision,
        ["decided"] = ReferralStatus.Decided,
    };

    public static readonly IReadOnlyDictionary<string, Rag> Rags = new Dictionary<string, Rag>(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = Rag.Red,
        ["amber"] = Rag.Amber,
        ["green"] = Rag.Green,
        ["blue"] = Rag.Blue,
    };

    public static readonly IReadOnlyDictionary<string, ReferralOutcome> Outcomes = new Dictionary<string, ReferralOutcome>(StringComparer.OrdinalIgnoreCase)
    {
        ["nfa"] = ReferralOutcome.NoFurtherAction,
        ["early-help"] = ReferralOutcome.EarlyHelp,
        ["child-in-need"] = ReferralOutcome.ChildInNeedAssessment,
        ["strategy-discussion"] = ReferralOutcome.StrategyDiscussion,
        ["immediate-protection"] = ReferralOutcome.ImmediateProtection,
    };

    public static T Parse<T>(string option, string text, IReadOnlyDictionary<string, T> names) =>
        names.TryGetValue(text.Trim(), out var value)
            ? value
            : throw new UsageException($"--{option} must be one of {string.Join(", ", names.Keys)} (got '{text}')");

    /// <summary>The CLI name of a value, falling back to its contract name for values the CLI does not offer.</summary>
    public static string NameOf<T>(T value, IReadOnlyDictionary<string, T> names)
        where T : struct, Enum =>
        names.FirstOrDefault(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key ?? Short(value);

    /// <summary>
    /// A contract enum value in lower kebab case without its type prefix, from the proto name
    /// (CHILD_MATCH_STATUS_CONFIRMED becomes "confirmed"); "-" for the unspecified zero value.
    /// </summary>
    public static string Short<T>(T value)
        where T : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return "-";
        }

        var name = ProtoName(value);
        var prefix = ProtoName(default(T)).Replace("UNSPECIFIED", "", StringComparison.Ordinal);
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }

        return name.ToLowerInvariant().Replace('_', '-');
    }

    /// <summary>
    /// A lawful basis as the x-mash-lawful-basis metadata expects it: the proto enum name.
    /// "public-task" and "PUBLIC_TASK" are accepted as shorthands for LAWFUL_BASIS_PUBLIC_TASK.
    /// </summary>
    public static string LawfulBasisName(string text)
    {
        const string Prefix = "LAWFUL_BASIS_";
        var name = text.Trim().ToUpperInvariant().Replace('-', '_');
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = Prefix + name;
        }

        var known = LawfulBases.Values.Where(v => v.Number != 0).Select(v => v.Name).ToList();
        return known.Contains(name)
            ? name
            : throw new UsageException($"--lawful-basis must be one of {string.Join(", ", known)} (got '{text}')");
    }

    private static EnumDescriptor LawfulBases =>
        CommonReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(LawfulBasis));

    private static string ProtoName<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
