using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Testing.Nodes;

/// <summary>An invented referral a partner might send; no real child's details.</summary>
public static class Referrals
{
    public static SubmitReferralRequest Sample(string key) => new()
    {
        IdempotencyKey = key,
        Details = new ReferralDetails
        {
            Child = new ChildIdentity
            {
                NhsNumber = "401 023 2137",
                GivenName = "Jo",
                FamilyName = "Sample",
                DateOfBirth = new Date { Year = 2012, Month = 7, Day = 1 },
                Sex = Sex.NotKnown,
                Address = new Address { Postcode = "WR5 1AA" },
            },
            Concern = new Concern { Description = "Jo was found missing overnight twice this month and returned with new phones and cash.", Category = AbuseCategory.Sexual },
            Referrer = new Referrer { Name = "PC Sample", Agency = Agency.Police, RelationshipToChild = "Attending officer" },
            LawfulBasis = LawfulBasis.LawEnforcement,
        },
    };
}
