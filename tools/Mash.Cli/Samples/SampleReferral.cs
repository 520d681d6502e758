using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// The referral <c>submit</c> sends without <c>--file</c>: an invented police referral after a
/// domestic abuse incident, complete against the minimum data set so it shows a high score.
/// Samples/referral.json holds the same referral as a file to copy from. Every person, place
/// and contact is invented: the NHS number is in the 999 range used for test data (its
/// modulus-11 check digit is valid), the phone numbers in Ofcom's 01632 960 range for drama,
/// the email domain is reserved.
/// </summary>
internal static class SampleReferral
{
    public const string NhsNumber = "999 123 4578";

    public static ReferralDetails Create()
    {
        var home = Address("14 Orchard Close");
        var mother = Person("Kerry", "Morgan", Date(1990, 8, 21), "Mother", home);
        var partner = Person("Jason", "Pike", Date(1987, 11, 3), "Mother's partner", home);
        return new ReferralDetails
        {
            Child = new ChildIdentity
            {
                NhsNumber = NhsNumber,
                GivenName = "Leah",
                FamilyName = "Morgan",
                DateOfBirth = Date(2017, 5, 9),
                Sex = Sex.Female,
                Address = home,
                School = "Millbrook Primary School",
                Ethnicity = "White British",
                FirstLanguage = "English",
                SpecialNeeds = "None known",
            },
            ParentalResponsibility = { mother },
            HouseholdMembers =
            {
                new HouseholdMember { Person = mother },
                new HouseholdMember { Person = Person("Dylan", "Morgan", Date(2022, 2, 11), "Brother", home), IsChild = true },
                new HouseholdMember { Person = partner },
            },
            Concern = new Concern
            {
                Description =
                    "Police attended 14 Orchard Close at 23:40 after a neighbour called 999 reporting shouting and a woman screaming. "
                    + "Kerry Morgan had a swollen left eye and said her partner Jason Pike had punched her during an argument. "
                    + "Leah (9) and her brother Dylan (4) were at home; Leah told officers she had hidden in her bedroom with Dylan "
                    + "and was scared Jason would hurt her mum again. This is the third domestic abuse incident police have attended "
                    + "at the address in six months.",
                Category = AbuseCategory.Emotional,
                When = "Last night, about 23:30; earlier incidents in June and September",
                Where = "The family home, 14 Orchard Close, Millbrook",
                Source = "Police attendance: officers' observations, the mother's account and Leah's disclosure",
            },
            ImmediateRisk = new ImmediateRisk
            {
                ChildCurrentLocation = "At Millbrook Primary School today; Dylan is with his maternal aunt",
                ImmediateProtectionNeeded = false,
                Details = "Jason Pike was arrested for assault and is in custody; bail conditions are not yet known. Kerry plans to stay with her sister.",
            },
            AllegedPerpetrator = new AllegedPerpetrator { Person = partner, LivesWithChild = true },
            Referrer = new Referrer
            {
                Name = "PC 4471 Sam Okafor",
                Agency = Agency.Police,
                Organisation = "Millbrook Police, Public Protection Unit",
                Role = "Police Constable",
                RelationshipToChild = "Attending officer",
                Phone = "01632 960123",
                Email = "sam.okafor@police.example",
            },
            OtherAgencies =
            {
                new AgencyInvolvement
                {
                    Agency = Agency.Education,
                    Organisation = "Millbrook Primary School",
                    Contact = "Designated Safeguarding Lead, 01632 960456",
                    Involvement = "Leah's school; notified of the incident before the start of the school day",
                },
                new AgencyInvolvement
                {
                    Agency = Agency.Health,
                    Organisation = "Millbrook Health Visiting Team",
                    Contact = "01632 960789",
                    Involvement = "Dylan's health visitor",
                },
            },
            ParentalKnowledge = new ParentalKnowledge
            {
                ParentsAware = true,
                Consent = ParentalConsent.Given,
                Reason = "Kerry Morgan was told of the referral at the scene and agreed. Jason Pike was not told, as that could raise the risk to Kerry and the children.",
            },
            LawfulBasis = LawfulBasis.PublicTask,
        };
    }

    private static Address Address(string line) => new() { Lines = { line }, Town = "Millbrook", Postcode = "MB4 7QT" };

    private static Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static Person Person(string given, string family, Date born, string relationship, Address address) => new()
    {
        GivenName = given,
        FamilyName = family,
        DateOfBirth = born,
        RelationshipToChild = relationship,
        Address = address,
    };
}
