using System.Globalization;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;

namespace Mash.Platform.Eventing.Agreements;

/// <summary>With whom something may be shared on a given day, and why not where it may not.</summary>
public sealed record SharingDecision(string PartnerNode, SharingAgreement? Agreement, string Reason)
{
    public bool Shared => Agreement is not null;
}

/// <summary>
/// The node's agreements, read once from <see cref="AgreementOptions"/> (a malformed registry
/// stops the service at start, naming every problem): pure decisions, the day given by the caller.
/// </summary>
public sealed class AgreementRegistry
{
    public const int MaxIdLength = 100;
    public const int MaxNodeIdLength = 100;
    public const string NoAgreementInForce = "No agreement in force";

    public AgreementRegistry(IReadOnlyList<SharingAgreement> agreements, int warningDays)
    {
        All = agreements;
        WarningDays = warningDays;
    }

    public IReadOnlyList<SharingAgreement> All { get; }
    public int WarningDays { get; }

    /// <summary>The decision for every partner node the registry names, for one category on one day.</summary>
    public IReadOnlyList<SharingDecision> Decide(DataCategory category, DateOnly day) =>
        [.. All.Select(a => a.PartnerNode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(node => DecideFor(node, category, day))];

    /// <summary>The decision for one partner node, for one category on one day.</summary>
    public SharingDecision DecideFor(string partnerNode, DataCategory category, DateOnly day)
    {
        var withPartner = All.Where(a => a.PartnerNode == partnerNode).ToList();
        var inForce = withPartner.Where(a => a.Covers(category, day)).OrderByDescending(a => a.ValidTo).ThenBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
        if (inForce is not null)
        {
            return new SharingDecision(partnerNode, inForce, $"Shared under agreement '{inForce.Id}'.");
        }

        var what = $"{NoAgreementInForce} with node '{partnerNode}' for {DataCategories.Describe(category)}";
        var lapsed = withPartner.Where(a => a.Categories.Contains(category) && a.ValidTo < day).MaxBy(a => a.ValidTo);
        var pending = withPartner.Where(a => a.Categories.Contains(category) && a.ValidFrom > day).MinBy(a => a.ValidFrom);
        var reason = (lapsed, pending) switch
        {
            (_, { } next) => $"{what}: agreement '{next.Id}' starts on {Day(next.ValidFrom)}.",
            ({ } last, _) => $"{what}: agreement '{last.Id}' ended on {Day(last.ValidTo)}.",
            _ => $"{what}.",
        };
        return new SharingDecision(partnerNode, null, reason);
    }

    public IEnumerable<SharingAgreement> EndingSoon(DateOnly day) => All.Where(a => a.EndingSoon(day, WarningDays));

    /// <summary>The registry the options describe; throws naming every problem when they are malformed.</summary>
    public static AgreementRegistry From(AgreementOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{AgreementOptions.Section} is invalid: {string.Join("; ", problems)}");
        }

        return new AgreementRegistry([.. options.Registry.Select(Parse)], options.ExpiryWarningDays);
    }

    public static IReadOnlyList<string> Problems(AgreementOptions options)
    {
        var problems = new List<string>();
        if (options.ExpiryWarningDays is < 0 or > 366)
        {
            problems.Add("ExpiryWarningDays must be 0 to 366");
        }

        for (var i = 0; i < options.Registry.Count; i++)
        {
            var (a, at) = (options.Registry[i], $"Registry:{i}");
            Require(problems, a.Id.Trim().Length is > 0 and <= MaxIdLength, $"{at}:Id is required, at most {MaxIdLength} characters");
            Require(problems, a.PartnerNode.Trim().Length is > 0 and <= MaxNodeIdLength, $"{at}:PartnerNode is required, at most {MaxNodeIdLength} characters");
            Require(problems, a.Categories.Count > 0, $"{at}:Categories names at least one category");
            foreach (var category in a.Categories.Where(c => !DataCategories.TryParse(c, out _)))
            {
                problems.Add($"{at}:Categories '{category}' is not one of {string.Join(", ", KnownCategories)}");
            }

            Require(problems, a.PartnerAgency.Trim().Length == 0 || AgencyNames.All.Contains(a.PartnerAgency.Trim()),
                $"{at}:PartnerAgency '{a.PartnerAgency}' is not an agency (police, children-social-care, health, education, probation, other)");
            Require(problems, LawfulBases.TryParse(a.LawfulBasis, out _), $"{at}:LawfulBasis '{a.LawfulBasis}' is not a lawful basis (e.g. LAWFUL_BASIS_PUBLIC_TASK)");
            var from = ParseDay(a.ValidFrom);
            var to = ParseDay(a.ValidTo);
            Require(problems, from is not null, $"{at}:ValidFrom '{a.ValidFrom}' is not a date (yyyy-MM-dd)");
            Require(problems, to is not null, $"{at}:ValidTo '{a.ValidTo}' is not a date (yyyy-MM-dd)");
            Require(problems, from is null || to is null || from <= to, $"{at}:ValidTo is before ValidFrom");
        }

        foreach (var duplicate in options.Registry.GroupBy(a => a.Id.Trim(), StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            problems.Add($"agreement id '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        return problems;
    }

    private static IEnumerable<string> KnownCategories =>
        Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Unspecified).Select(c => c.ToString());

    private static SharingAgreement Parse(AgreementSettings a)
    {
        var basis = LawfulBases.TryParse(a.LawfulBasis, out var parsed) ? parsed : throw new InvalidOperationException("validated before parsing");
        var categories = a.Categories.Select(c => DataCategories.TryParse(c, out var category) ? category : DataCategory.Unspecified).ToHashSet();
        return new SharingAgreement(a.Id.Trim(), a.PartnerNode.Trim(), categories, basis, ParseDay(a.ValidFrom)!.Value, ParseDay(a.ValidTo)!.Value)
        {
            PartnerAgency = a.PartnerAgency.Trim(),
        };
    }

    private static DateOnly? ParseDay(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
