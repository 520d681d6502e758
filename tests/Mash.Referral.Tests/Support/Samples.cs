using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Tests.Support;

/// <summary>Invented referrals; no real child's details.</summary>
internal static class Samples
{
    public const string ValidNhsNumber = "9434765919";

    public static ReferralDetails FullReferral(string nhsNumber = ValidNhsNumber, string givenName = "Amy") => new()
    {
        Child = new ChildIdentity
        {
            NhsNumber = nhsNumber,
            GivenName = givenName,
            FamilyName = "Example",
            DateOfBirth = new Date { Year = 2014, Month = 3, Day = 9 },
            Sex = Sex.Female,
            Address = new Address { Lines = { "1 Test Street" }, Town = "Worcester", Postcode = "WR1 1AA" },
            School = "Test Primary School",
            Ethnicity = "White British",
            FirstLanguage = "English",
            SpecialNeeds = "None known",
        },
        ParentalResponsibility = { new Person { GivenName = "Beth", FamilyName = "Example", RelationshipToChild = "Mother" } },
        HouseholdMembers =
        {
            new HouseholdMember { Person = new Person { GivenName = "Cal", FamilyName = "Example", RelationshipToChild = "Brother", DateOfBirth = new Date { Year = 2017, Month = 1, Day = 2 } }, IsChild = true },
        },
        Concern = new Concern
        {
            Description = "Amy told her class teacher that her mother's partner hit her with a belt last night; she has a visible bruise on her upper arm and said she is scared to go home.",
            Category = AbuseCategory.Physical,
            When = "Last night, about 21:00",
            Where = "At home",
            Source = "Disclosure to class teacher",
        },
        ImmediateRisk = new ImmediateRisk { ChildCurrentLocation = "At school until 15:15", ImmediateProtectionNeeded = true, Details = "Child says she is scared to go home tonight." },
        AllegedPerpetrator = new AllegedPerpetrator { Person = new Person { GivenName = "Dan", FamilyName = "Sample", RelationshipToChild = "Mother's partner" }, LivesWithChild = true },
        Referrer = new Referrer { Name = "E. Teacher", Agency = Agency.Education, Organisation = "Test Primary School", Role = "Designated safeguarding lead", RelationshipToChild = "Class teacher", Phone = "01905 000000" },
        OtherAgencies = { new AgencyInvolvement { Agency = Agency.Health, Organisation = "School nursing", Involvement = "Routine" } },
        ParentalKnowledge = new ParentalKnowledge { ParentsAware = false, Consent = ParentalConsent.NotSought, Reason = "Informing the mother may put the child at risk from her partner." },
        LawfulBasis = LawfulBasis.PublicTask,
    };

    public static SubmitReferralRequest Submit(string key, ReferralDetails? details = null) =>
        new() { IdempotencyKey = key, Details = details ?? FullReferral() };
}
