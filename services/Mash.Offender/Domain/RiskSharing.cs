using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;

namespace Mash.Offender.Domain;

/// <summary>
/// What a linked child's risk profile learns from the offender's risk: the offender's risk as
/// the child's risk level, with a summary that names who the offender is to the child.
/// </summary>
public static class RiskSharing
{
    public static RiskLevel LevelOf(OffenderRisk risk) => risk switch
    {
        OffenderRisk.Low => RiskLevel.Low,
        OffenderRisk.Medium => RiskLevel.Medium,
        OffenderRisk.High => RiskLevel.High,
        OffenderRisk.VeryHigh => RiskLevel.VeryHigh,
        _ => RiskLevel.Unspecified,
    };

    /// <summary>
    /// A new link is shared only when the offender is high or very high risk: the child then
    /// belongs on the partners' daily high-risk list. Every later risk change is shared.
    /// </summary>
    public static bool IsSharedOnLink(OffenderRisk risk) => risk is OffenderRisk.High or OffenderRisk.VeryHigh;

    /// <summary>e.g. "Household member is a registered sexual offender (MAPPA category 1), risk very high (was high)."</summary>
    public static string Summary(ChildRelationship relationship, MappaCategory category, OffenderRisk risk, OffenderRisk previous)
    {
        var was = previous != OffenderRisk.Unspecified && previous != risk ? $" (was {Describe(previous)})" : "";
        var what = category == MappaCategory.NotMappa ? "a person of concern to children (not MAPPA-managed)" : $"{Article(category)} (MAPPA category {(int)category})";
        return $"{Who(relationship)} is {what}, risk {Describe(risk)}{was}.";
    }

    public static string Describe(OffenderRisk risk) => risk switch
    {
        OffenderRisk.Low => "low",
        OffenderRisk.Medium => "medium",
        OffenderRisk.High => "high",
        OffenderRisk.VeryHigh => "very high",
        _ => "not known",
    };

    /// <summary>The offender, seen from the child.</summary>
    private static string Who(ChildRelationship relationship) => relationship switch
    {
        ChildRelationship.Victim => "A person who harmed the child",
        ChildRelationship.Sibling => "A person who poses a risk to the child's sibling",
        ChildRelationship.HouseholdMember => "Household member",
        ChildRelationship.OwnChild => "The child's parent",
        ChildRelationship.PartnersChild => "The partner of the child's parent",
        ChildRelationship.Contact => "A person in contact with the child",
        _ => "A person linked to the child",
    };

    private static string Article(MappaCategory category) => category switch
    {
        MappaCategory.RegisteredSexualOffender => "a registered sexual offender",
        MappaCategory.ViolentOffender => "a violent offender",
        _ => "a dangerous offender",
    };
}
