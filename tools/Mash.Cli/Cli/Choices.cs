using System.Reflection;
using Google.Protobuf.Reflection;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;

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

    public static readonly IReadOnlyDictionary<string, AssessmentStatus> AssessmentStatuses = new Dictionary<string, AssessmentStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["open"] = AssessmentStatus.Open,
        ["completed"] = AssessmentStatus.Completed,
        ["closed"] = AssessmentStatus.Closed,
    };

    public static readonly IReadOnlyDictionary<string, ReferralRole> Roles = new Dictionary<string, ReferralRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["front-door"] = ReferralRole.FrontDoor,
        ["referrer-copy"] = ReferralRole.ReferrerCopy,
    };

    public static readonly IReadOnlyDictionary<string, ReferralDeadline> Deadlines = new Dictionary<string, ReferralDeadline>(StringComparer.OrdinalIgnoreCase)
    {
        ["decision"] = ReferralDeadline.Decision,
        ["rag"] = ReferralDeadline.ScreeningRag,
    };

    public static readonly IReadOnlyDictionary<string, Agency> Agencies = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase)
    {
        ["police"] = Agency.Police,
        ["children-social-care"] = Agency.ChildrenSocialCare,
        ["health"] = Agency.Health,
        ["education"] = Agency.Education,
        ["probation"] = Agency.Probation,
        ["other"] = Agency.Other,
    };

    /// <summary>An assessment's conclusion (<c>complete --risk</c>).</summary>
    public static readonly IReadOnlyDictionary<string, RiskLevel> RiskLevels = new Dictionary<string, RiskLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = RiskLevel.Low,
        ["medium"] = RiskLevel.Medium,
        ["high"] = RiskLevel.High,
        ["very-high"] = RiskLevel.VeryHigh,
    };

    /// <summary>A CSE flag's risk (<c>raise-flag --risk</c>, <c>review-flag --risk</c>).</summary>
    public static readonly IReadOnlyDictionary<string, CseRisk> CseRisks = new Dictionary<string, CseRisk>(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = CseRisk.Low,
        ["medium"] = CseRisk.Medium,
        ["high"] = CseRisk.High,
    };

    /// <summary>A strategy discussion's status (<c>discussions --status</c>).</summary>
    public static readonly IReadOnlyDictionary<string, DiscussionStatus> DiscussionStatuses = new Dictionary<string, DiscussionStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["required"] = DiscussionStatus.Required,
        ["scheduled"] = DiscussionStatus.Scheduled,
        ["concluded"] = DiscussionStatus.Concluded,
    };

    /// <summary>How a strategy discussion is held (<c>schedule --format</c>).</summary>
    public static readonly IReadOnlyDictionary<string, DiscussionFormat> DiscussionFormats = new Dictionary<string, DiscussionFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["meeting"] = DiscussionFormat.Meeting,
        ["call"] = DiscussionFormat.Call,
    };

    /// <summary>Whether there is to be a criminal investigation (<c>conclude --investigation</c>).</summary>
    public static readonly IReadOnlyDictionary<string, InvestigationKind> InvestigationKinds = new Dictionary<string, InvestigationKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = InvestigationKind.None,
        ["single-agency"] = InvestigationKind.SingleAgency,
        ["joint"] = InvestigationKind.Joint,
    };

    /// <summary>
    /// The CSE screening indicators, named from the contract (CSE_INDICATOR_MISSING_EPISODES is
    /// "missing-episodes") so an indicator added to the contract is offered without a CLI change.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CseIndicator> CseIndicators = FromContract<CseIndicator>();

    /// <summary>A CSE flag's suspected perpetrator (<c>raise-flag --suspect-band aged-45-to-54 --suspect-relationship online-contact</c>).</summary>
    public static readonly IReadOnlyDictionary<string, SuspectAgeBand> SuspectAgeBands = FromContract<SuspectAgeBand>();
    public static readonly IReadOnlyDictionary<string, SuspectRelationship> SuspectRelationships = FromContract<SuspectRelationship>();

    /// <param name="option">The option's name as typed, <c>--rag</c>, for the message.</param>
    public static T Parse<T>(string option, string text, IReadOnlyDictionary<string, T> names) =>
        names.TryGetValue(text.Trim(), out var value)
            ? value
            : throw new UsageException($"{option} must be one of {string.Join(", ", names.Keys)} (got '{text}')");

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

    /// <summary>Every named value of a contract enum by its <see cref="Short{T}"/> name, in contract order.</summary>
    private static Dictionary<string, T> FromContract<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>()
            .Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .ToDictionary(Short, v => v, StringComparer.OrdinalIgnoreCase);

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

    /// <summary>The lawful bases as <c>--lawful-basis</c> accepts them most briefly (PUBLIC_TASK), from the contract.</summary>
    public static IReadOnlyList<string> LawfulBasisShortNames =>
        [.. LawfulBases.Values.Where(v => v.Number != 0).Select(v => v.Name.Replace("LAWFUL_BASIS_", "", StringComparison.Ordinal))];

    /// <summary>The contract value of a name <see cref="LawfulBasisName"/> gave, for requests that carry the basis in a field.</summary>
    public static LawfulBasis LawfulBasisValue(string protoName) =>
        LawfulBases.FindValueByName(protoName) is { Number: not 0 } value
            ? (LawfulBasis)value.Number
            : throw new UsageException($"--lawful-basis: '{protoName}' is not a lawful basis");

    private static EnumDescriptor LawfulBases =>
        CommonReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(LawfulBasis));

    private static string ProtoName<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
