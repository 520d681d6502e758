using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;

namespace Mash.Offender.Domain;

/// <summary>
/// Links between an offender and the children they may pose a risk to, siblings and other
/// children in the household included: the review found siblings' risks less understood.
/// </summary>
public static class ChildLinkRules
{
    public const int MaxLinks = 50;

    public static FieldViolations Validate(LinkChildRequest request, DateOnly today)
    {
        var v = new FieldViolations().CheckId("offender_id", request.OffenderId, "offender");
        v.CheckChild("child", request.Child, today);
        v.CheckKnown("relationship", request.Relationship, "Say how the child is linked: victim, sibling, household member, own child, partner's child, contact or other.");
        return request.Relationship == ChildRelationship.Other
            ? v.CheckText("details", request.Details, RequestChecks.MaxShortText, "Say how the child is linked to the offender.")
            : v.CheckOptionalText("details", request.Details, RequestChecks.MaxShortText);
    }

    /// <summary>
    /// The link a CSE flag naming the offender makes: the child as the victim, the flag and who the
    /// offender is to the child in the details, e.g. "Suspected perpetrator on CSE flag cse_1 (online contact)".
    /// </summary>
    public static (ChildRelationship Relationship, string Details) ForCseFlag(string flagId, SuspectRelationship suspect)
    {
        var who = suspect switch
        {
            SuspectRelationship.OnlineContact => " (online contact)",
            SuspectRelationship.Stranger => " (stranger)",
            SuspectRelationship.FamilyMember => " (family member)",
            SuspectRelationship.Partner => " (the child's partner)",
            SuspectRelationship.Peer => " (peer)",
            SuspectRelationship.KnownAdult => " (an adult known to the child)",
            SuspectRelationship.Other => " (other)",
            _ => "",
        };
        return (ChildRelationship.Victim, $"Suspected perpetrator on CSE flag {flagId}{who}");
    }

    /// <summary>The relationship as the event and the rationale name it, e.g. "household member".</summary>
    public static string Describe(ChildRelationship relationship) => relationship switch
    {
        ChildRelationship.Victim => "victim",
        ChildRelationship.Sibling => "sibling",
        ChildRelationship.HouseholdMember => "household member",
        ChildRelationship.OwnChild => "own child",
        ChildRelationship.PartnersChild => "partner's child",
        ChildRelationship.Contact => "contact",
        _ => "other",
    };
}
