using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;

namespace Mash.Referral.Domain;

/// <summary>
/// What a referral must have to be accepted at all. Everything else the minimum data set asks
/// for is scored by <see cref="CompletenessAssessor"/>: an urgent referral is never turned away
/// for lack of detail, but the gaps are visible at once.
/// </summary>
public static class ReferralValidator
{
    public const int MaxShortText = 1_000;
    public const int MaxLongText = 20_000;
    public const int MaxListItems = 50;

    public static FieldViolations Validate(SubmitReferralRequest request, DateOnly today, Func<string, bool> areaKnown)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "create a second referral");

        var details = request.Details;
        if (details is null)
        {
            return v.Add("details", "The referral's details are required.");
        }

        ValidateChild(v, details.Child, today);
        ValidateConcern(v, details.Concern);
        ValidateReferrer(v, details.Referrer);
        v.Require(details.LawfulBasis != LawfulBasis.Unspecified, "details.lawful_basis", "Name the lawful basis for sharing this referral.");
        v.Require(Enum.IsDefined(details.LawfulBasis), "details.lawful_basis", "Not a known lawful basis.");
        v.Require(details.Area.Length == 0 || areaKnown(details.Area), "details.area", "Not an area this node has timescales for.");

        CheckPeople(v, "details.parental_responsibility", details.ParentalResponsibility, today);
        CheckPeople(v, "details.household_members", details.HouseholdMembers.Select(m => m.Person ?? new Person()).ToList(), today);
        if (details.AllegedPerpetrator is { } perpetrator)
        {
            CheckPeople(v, "details.alleged_perpetrator.children_in_household", perpetrator.ChildrenInHousehold, today);
            if (perpetrator.Person is not null)
            {
                DatesOfBirth.Check(v, "details.alleged_perpetrator.person.date_of_birth", perpetrator.Person.DateOfBirth, today);
            }
        }

        v.Require(details.OtherAgencies.Count <= MaxListItems, "details.other_agencies", $"At most {MaxListItems} entries.");
        v.Require(details.OtherAgencies.All(a => Enum.IsDefined(a.Agency)), "details.other_agencies", "Not a known agency.");
        v.Require(details.ParentalKnowledge is null || Enum.IsDefined(details.ParentalKnowledge.Consent),
            "details.parental_knowledge.consent", "Not a known consent value.");
        CheckTextLengths(v, details);
        return v;
    }

    private static void ValidateChild(FieldViolations v, ChildIdentity? child, DateOnly today)
    {
        if (child is null)
        {
            v.Add("details.child", "The child is required.");
            return;
        }

        v.Require(!string.IsNullOrWhiteSpace(child.GivenName) || !string.IsNullOrWhiteSpace(child.FamilyName),
            "details.child.family_name", "Give the child's name (for an unborn child, e.g. \"Unborn\" and the mother's family name).");
        var verdict = NhsNumber.Check(child.NhsNumber, out _);
        v.Require(verdict is NhsNumber.Verdict.Valid or NhsNumber.Verdict.Empty, "details.child.nhs_number",
            NhsNumber.Describe(verdict) + " Leave it empty if not known: the child match is then marked unconfirmed.");
        v.Require(Enum.IsDefined(child.Sex), "details.child.sex", "Not a known value.");
        DatesOfBirth.Check(v, "details.child.date_of_birth", child.DateOfBirth, today);
    }

    private static void ValidateConcern(FieldViolations v, Concern? concern)
    {
        v.Require(!string.IsNullOrWhiteSpace(concern?.Description), "details.concern.description", "Describe the concern.");
        v.Require(concern is null || Enum.IsDefined(concern.Category), "details.concern.category", "Not a known category of abuse.");
    }

    private static void ValidateReferrer(FieldViolations v, Referrer? referrer)
    {
        v.Require(!string.IsNullOrWhiteSpace(referrer?.Name), "details.referrer.name", "Name the referrer.");
        v.Require(referrer is not null && referrer.Agency != Agency.Unspecified && Enum.IsDefined(referrer.Agency),
            "details.referrer.agency", "Name the referrer's agency.");
    }

    private static void CheckPeople(FieldViolations v, string field, IReadOnlyCollection<Person> people, DateOnly today)
    {
        v.Require(people.Count <= MaxListItems, field, $"At most {MaxListItems} people.");
        var index = 0;
        foreach (var person in people.Take(MaxListItems))
        {
            v.Require(!string.IsNullOrWhiteSpace(person.GivenName) || !string.IsNullOrWhiteSpace(person.FamilyName),
                $"{field}[{index}]", "Each person needs a name (\"not known\" is an answer).");
            DatesOfBirth.Check(v, $"{field}[{index}].date_of_birth", person.DateOfBirth, today);
            index++;
        }
    }

    private static void CheckTextLengths(FieldViolations v, ReferralDetails details)
    {
        v.Require((details.Concern?.Description.Length ?? 0) <= MaxLongText, "details.concern.description", $"At most {MaxLongText} characters.");
        v.Require((details.ImmediateRisk?.Details.Length ?? 0) <= MaxLongText, "details.immediate_risk.details", $"At most {MaxLongText} characters.");
        foreach (var (field, value) in ShortTexts(details))
        {
            v.Require(value.Length <= MaxShortText, field, $"At most {MaxShortText} characters.");
        }
    }

    private static IEnumerable<(string Field, string Value)> ShortTexts(ReferralDetails d)
    {
        var child = d.Child ?? new ChildIdentity();
        yield return ("details.child.given_name", child.GivenName);
        yield return ("details.child.family_name", child.FamilyName);
        yield return ("details.child.school", child.School);
        yield return ("details.child.ethnicity", child.Ethnicity);
        yield return ("details.child.first_language", child.FirstLanguage);
        yield return ("details.child.special_needs", child.SpecialNeeds);
        yield return ("details.concern.when", d.Concern?.When ?? "");
        yield return ("details.concern.where", d.Concern?.Where ?? "");
        yield return ("details.concern.source", d.Concern?.Source ?? "");
        yield return ("details.immediate_risk.child_current_location", d.ImmediateRisk?.ChildCurrentLocation ?? "");
        yield return ("details.referrer.name", d.Referrer?.Name ?? "");
        yield return ("details.referrer.relationship_to_child", d.Referrer?.RelationshipToChild ?? "");
        yield return ("details.parental_knowledge.reason", d.ParentalKnowledge?.Reason ?? "");
        yield return ("details.area", d.Area);
    }
}
