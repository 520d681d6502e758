using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;
using Mash.Platform.Eventing;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// Across two nodes: the police node's offender risk change, published by its outbox relay,
/// reaches the children's social care node's Assessment service, and each linked child's risk
/// profile there shows it, with the offender id and the relationship.
/// </summary>
public sealed class CrossNodeTests(OffenderApp police) : IClassFixture<OffenderApp>
{
    [Fact]
    public async Task A_raised_offender_risk_shows_in_each_linked_childs_risk_profile_at_the_partner_node()
    {
        using var socialCare = new PartnerAssessmentApp();
        var offender = await police.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var child = Samples.Child("Amy");
        var sibling = Samples.Child("Bella");
        await police.LinkAsync(offender.OffenderId, child, ChildRelationship.HouseholdMember);
        await police.LinkAsync(offender.OffenderId, sibling, ChildRelationship.Sibling);

        await police.UpdateRiskAsync(offender.OffenderId, OffenderRisk.VeryHigh);

        foreach (var (linked, relationship) in new[] { (child, "household member"), (sibling, "sibling") })
        {
            var childKey = police.ChildKey(linked);
            await Eventually.TrueAsync(() => police.Transport.Sent.Any(m => m.SessionId == childKey && m.Type == RiskLevelChanged.Descriptor.FullName));
            var published = police.Transport.Sent.Single(m => m.SessionId == childKey && m.Type == RiskLevelChanged.Descriptor.FullName);
            Assert.Equal(Topics.RiskChanges, published.Topic);

            var delivery = await socialCare.DeliverAsync(published);

            Assert.Equal("completed", delivery.Settlement);
            var profile = await socialCare.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = linked }, socialCare.AsSocialCare());
            var entry = Assert.Single(profile.PartnerEntries);
            Assert.Equal((OffenderApp.NodeId, Contracts.Common.V1.Agency.Police), (entry.OriginNode, entry.OriginAgency));
            Assert.Equal((offender.OffenderId, relationship, RiskLevel.VeryHigh), (entry.RiskLevel.OffenderId, entry.RiskLevel.Relationship, entry.RiskLevel.Level));
            Assert.Equal(RiskLevel.VeryHigh, profile.HighestRiskLevel);
        }
    }
}
