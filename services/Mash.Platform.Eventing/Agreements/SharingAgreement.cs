using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;

namespace Mash.Platform.Eventing.Agreements;

/// <summary>An information-sharing agreement with one partner node, in force from its first to its last day.</summary>
public sealed record SharingAgreement(
    string Id, string PartnerNode, IReadOnlySet<DataCategory> Categories, LawfulBasis LawfulBasis, DateOnly ValidFrom, DateOnly ValidTo)
{
    /// <summary>The partner's agency as configured ("children-social-care"); empty when not given.</summary>
    public string PartnerAgency { get; init; } = "";

    public bool InForceOn(DateOnly day) => ValidFrom <= day && day <= ValidTo;

    public bool Covers(DataCategory category, DateOnly day) => InForceOn(day) && Categories.Contains(category);

    /// <summary>In force, and its last day falls within the warning period.</summary>
    public bool EndingSoon(DateOnly day, int warningDays) => InForceOn(day) && ValidTo <= day.AddDays(warningDays);
}
