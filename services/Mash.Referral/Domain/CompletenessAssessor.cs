using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Identity;

namespace Mash.Referral.Domain;

/// <summary>
/// Scores a referral against the minimum data set (DOMAIN.md). The review found referrals
/// that "lacked detail": each missing item costs its weight, a weak one half of it, and every
/// gap is named so the referrer or the MASH can chase it.
/// </summary>
public static class CompletenessAssessor
{
    /// <summary>A concern described in fewer characters than this is marked weak.</summary>
    public const int DetailedConcernLength = 120;

    public static Completeness Assess(ReferralDetails details)
    {
        var sheet = new Scoresheet();
        var child = details.Child ?? new ChildIdentity();
        sheet.Item(3, "details.child.nhs_number", NhsNumber.IsValid(child.NhsNumber),
            "No NHS number: the child match is unconfirmed (name, date of birth, sex and postcode only).");
        sheet.Item(2, "details.child.date_of_birth", child.DateOfBirth is not null, "The child's date of birth is missing.");
        sheet.Item(1, "details.child.sex", child.Sex != Sex.Unspecified, "The child's sex is missing.");
        sheet.Item(2, "details.child.address", !string.IsNullOrWhiteSpace(child.Address?.Postcode), "The child's address or postcode is missing.");
        sheet.Item(1, "details.child.school", Has(child.School), "The child's school or nursery is missing.");
        sheet.Item(1, "details.child.ethnicity", Has(child.Ethnicity), "The child's ethnicity is missing.");
        sheet.Item(1, "details.child.first_language", Has(child.FirstLanguage), "The child's first language is missing.");
        sheet.Item(1, "details.child.special_needs", Has(child.SpecialNeeds), "Special needs are not stated (\"none known\" is an answer).");
        sheet.Item(2, "details.parental_responsibility", details.ParentalResponsibility.Count > 0, "Who holds parental responsibility is missing.");
        sheet.Item(2, "details.household_members", details.HouseholdMembers.Count > 0,
            "Household members are missing: siblings and other children in the household must be considered.");

        var concern = details.Concern ?? new Concern();
        sheet.Graded(4, "details.concern.description", Has(concern.Description), concern.Description.Trim().Length >= DetailedConcernLength,
            "The concern is not described.", $"The concern is described in under {DetailedConcernLength} characters: say what, to whom, how often.");
        sheet.Item(1, "details.concern.category", concern.Category != AbuseCategory.Unspecified, "The category of abuse is missing.");
        sheet.Item(1, "details.concern.when", Has(concern.When), "When it happened is missing.");
        sheet.Item(1, "details.concern.where", Has(concern.Where), "Where it happened is missing.");
        sheet.Item(1, "details.concern.source", Has(concern.Source), "How the referrer knows (the source) is missing.");

        var risk = details.ImmediateRisk;
        sheet.Item(2, "details.immediate_risk.child_current_location", Has(risk?.ChildCurrentLocation), "Where the child is now is missing.");
        sheet.Item(2, "details.immediate_risk.details", risk is null || !risk.ImmediateProtectionNeeded || Has(risk.Details),
            "Immediate protection is needed but the risk is not described.");

        var perpetrator = details.AllegedPerpetrator;
        sheet.Item(2, "details.alleged_perpetrator", perpetrator is not null && (perpetrator.NotKnown || perpetrator.Person is not null),
            "The alleged perpetrator is missing (say \"not known\" if so).");

        var referrer = details.Referrer ?? new Referrer();
        sheet.Item(1, "details.referrer.relationship_to_child", Has(referrer.RelationshipToChild), "The referrer's relationship to the child is missing.");
        sheet.Item(1, "details.referrer.contact", Has(referrer.Phone) || Has(referrer.Email), "There is no way to contact the referrer.");
        sheet.Item(1, "details.other_agencies", details.OtherAgencies.Count > 0, "Other agencies involved are not listed.");

        var parents = details.ParentalKnowledge;
        sheet.Item(2, "details.parental_knowledge.consent", parents is not null && parents.Consent != ParentalConsent.Unspecified,
            "Whether the parents know and consent is not stated.");
        var consentGiven = parents is { ParentsAware: true, Consent: ParentalConsent.Given };
        sheet.Item(2, "details.parental_knowledge.reason", parents is null || consentGiven || Has(parents.Reason),
            "The parents do not know or have not consented, and the referral does not say why.");
        return sheet.ToCompleteness();
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    private sealed class Scoresheet
    {
        private readonly Completeness _result = new();
        private double _earned;
        private int _possible;

        public void Item(int weight, string field, bool present, string missingMessage) =>
            Graded(weight, field, present, present, missingMessage, missingMessage);

        public void Graded(int weight, string field, bool present, bool strong, string missingMessage, string weakMessage)
        {
            _possible += weight;
            if (present && strong)
            {
                _earned += weight;
                return;
            }

            _earned += present ? weight / 2.0 : 0;
            _result.Issues.Add(new CompletenessIssue
            {
                Field = field,
                Severity = present ? IssueSeverity.Weak : IssueSeverity.Missing,
                Message = present ? weakMessage : missingMessage,
            });
        }

        public Completeness ToCompleteness()
        {
            _result.Score = (int)Math.Floor(100 * _earned / _possible);
            return _result;
        }
    }
}
