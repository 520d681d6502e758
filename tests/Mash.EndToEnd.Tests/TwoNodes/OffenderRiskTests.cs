using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>An offender's risk reaches the risk profiles of the children linked to them at partner nodes.</summary>
[Collection(TwoNodesCollection.Name)]
public sealed class OffenderRiskTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task A_rise_in_an_offenders_risk_appears_in_each_linked_childs_profile_at_social_care()
    {
        var police = nodes.Police;
        var headers = await police.AsAsync("police-mash");
        var offenders = police.Offenders();
        var offender = await offenders.RegisterOffenderAsync(new RegisterOffenderRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            GivenName = "Dan",
            FamilyName = "Sample",
            DateOfBirth = new Date { Year = 1980, Month = 5, Day = 5 },
            MappaCategory = MappaCategory.RegisteredSexualOffender,
            MappaLevel = MappaLevel.OrdinaryAgencyManagement,
            Risk = OffenderRisk.Medium,
            RiskRationale = "ARMS review",
            NotificationRequirements = new NotificationRequirements { Applies = true },
            Address = new Address { Lines = { "2 Test Road" }, Town = "Worcester", Postcode = "WR2 2AA" },
            Area = "default",
            RegisteredOn = new Date { Year = 2026, Month = 1, Day = 5 },
            ManagingOfficer = "PC Manager",
        }, headers);
        var child = TestChildren.New("Mia");
        var sibling = TestChildren.New("Leo");
        await offenders.LinkChildAsync(new LinkChildRequest { OffenderId = offender.OffenderId, Child = child, Relationship = ChildRelationship.HouseholdMember }, headers);
        await offenders.LinkChildAsync(new LinkChildRequest { OffenderId = offender.OffenderId, Child = sibling, Relationship = ChildRelationship.Sibling }, headers);

        await offenders.UpdateOffenderRiskAsync(new UpdateOffenderRiskRequest
        { OffenderId = offender.OffenderId, Risk = OffenderRisk.VeryHigh, Rationale = "Breach of SHPO: contact with children" }, headers);

        foreach (var linked in new[] { child, sibling })
        {
            var profile = await Eventually.Get(async () =>
            {
                var p = await nodes.SocialCare.Assessments().GetChildRiskProfileAsync(
                    new GetChildRiskProfileRequest { Child = linked }, await nodes.SocialCare.AsAsync("social-care-mash"));
                return p.PartnerEntries.Any(e => e.RiskLevel?.Level == RiskLevel.VeryHigh) ? p : null;
            }, what: "the offender's risk in the linked child's profile at social care");
            var entry = profile.PartnerEntries.Single(e => e.RiskLevel?.Level == RiskLevel.VeryHigh);
            Assert.Equal(offender.OffenderId, entry.RiskLevel.OffenderId);
            Assert.Equal(police.Options.NodeId, entry.OriginNode);
            // The officer's reasons, as written, at the partner's node.
            Assert.Equal("Breach of SHPO: contact with children", entry.RiskLevel.Rationale);
        }
    }
}
