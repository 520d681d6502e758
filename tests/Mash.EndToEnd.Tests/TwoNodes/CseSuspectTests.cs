using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>The review's case: a 47-year-old man contacted a 16-year-old girl on Facebook; he is managed by the police node.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class CseSuspectTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task Social_care_sees_the_suspects_band_and_platform_and_a_rise_in_the_linked_offenders_risk()
    {
        var police = nodes.Police;
        var headers = await police.AsAsync("police-mash");
        var offender = await police.Offenders().RegisterOffenderAsync(new RegisterOffenderRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            GivenName = "Dan",
            FamilyName = "Sample",
            DateOfBirth = new Date { Year = 1979, Month = 3, Day = 1 },
            MappaCategory = MappaCategory.NotMappa,
            Risk = OffenderRisk.Medium,
            RiskRationale = "Person of concern: online contact with children",
            Address = new Address { Lines = { "3 Test Road" }, Town = "Worcester", Postcode = "WR3 3AA" },
            Area = "default",
            RegisteredOn = new Date { Year = 2026, Month = 1, Day = 5 },
            ManagingOfficer = "PC Manager",
        }, headers);
        var child = TestChildren.New("Zoe");
        child.DateOfBirth = new Date { Year = 2010, Month = 6, Day = 1 };

        await police.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Child = child,
            Risk = CseRisk.High,
            Reason = "Sexualised messages from an adult man met on Facebook; the child is autistic.",
            Evidence = "Screenshots provided by the child's mother",
            LawfulBasis = LawfulBasis.LawEnforcement,
            Suspect = new SuspectedPerpetrator
            {
                AgeYears = 47,
                Relationship = SuspectRelationship.OnlineContact,
                OffenderId = offender.OffenderId,
                Description = "Facebook profile 'Dan S'",
            },
            Contact = new CseContactContext { OnlinePlatform = "Facebook" },
        }, headers);

        var socialCare = nodes.SocialCare;
        var flag = (await Eventually.Get(async () => (await ProfileAsync(socialCare, child)).PartnerEntries.FirstOrDefault(e => e.CseFlag is not null),
            what: "the police flag at social care")).CseFlag;
        Assert.Equal((SuspectAgeBand.Aged45To54, SuspectRelationship.OnlineContact, true, "Facebook"),
            (flag.SuspectAgeBand, flag.SuspectRelationship, flag.SuspectLinkedToPersonRecord, flag.Contact.OnlinePlatform));
        Assert.DoesNotContain(offender.OffenderId, flag.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Dan S", flag.ToString(), StringComparison.Ordinal);

        // The police node's Offender service linked the child to him: his risk now reaches her profile at social care.
        await Eventually.Get(async () =>
        {
            var read = await police.Offenders().GetOffenderAsync(new GetOffenderRequest { OffenderId = offender.OffenderId }, headers);
            return read.LinkedChildrenCount == 1 ? read : null;
        }, what: "the child linked to the offender at the police node");
        await police.Offenders().UpdateOffenderRiskAsync(new UpdateOffenderRiskRequest
        { OffenderId = offender.OffenderId, Risk = OffenderRisk.VeryHigh, Rationale = "Arrested: grooming offences against other children online" }, headers);

        var change = (await Eventually.Get(async () => (await ProfileAsync(socialCare, child)).PartnerEntries.FirstOrDefault(e => e.RiskLevel?.Level == RiskLevel.VeryHigh),
            what: "the offender's risk in the child's profile at social care")).RiskLevel;
        Assert.Equal((offender.OffenderId, "victim"), (change.OffenderId, change.Relationship));
    }

    private static async Task<ChildRiskProfile> ProfileAsync(NodeClient node, ChildIdentity child) =>
        await node.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, await node.AsAsync("social-care-mash"));
}
