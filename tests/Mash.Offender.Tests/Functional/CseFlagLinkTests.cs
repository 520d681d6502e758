using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;
using Mash.Platform.Eventing;
using Mash.Testing.Eventing;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// A CSE flag at this node naming an offender managed here links the child to them, so a later
/// change in the offender's risk reaches the child's risk profiles at partner nodes.
/// </summary>
public sealed class CseFlagLinkTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    private Task<RecordedDelivery> DeliverAsync(string offenderId, ChildIdentity child, string flagId = "cse_1", string originNode = OffenderApp.NodeId, string? eventId = null) =>
        app.DeliverAsync(Topics.CseFlagOffenderLinks, Envelopes.For(new CseFlagNamedOffender
        {
            FlagId = flagId,
            OffenderId = offenderId,
            Child = child,
            SuspectRelationship = SuspectRelationship.OnlineContact,
            NamedBy = "police-mash",
            NamedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(OffenderApp.MondayMorning),
        }, app.ChildKey(child), originNode, Agency.Police, OffenderApp.MondayMorning, LawfulBasis.LawEnforcement, eventId));

    private async Task<Contracts.Offender.V1.Offender> ReadAsync(string offenderId) =>
        await app.Client().GetOffenderAsync(new GetOffenderRequest { OffenderId = offenderId }, app.As());

    [Fact]
    public async Task The_child_is_linked_as_the_victim_and_a_later_rise_in_the_offenders_risk_reaches_the_child()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var child = Samples.Child("Ellie");

        Assert.Equal("completed", (await DeliverAsync(offender.OffenderId, child, "cse_ellie")).Settlement);

        var link = Assert.Single((await ReadAsync(offender.OffenderId)).Details.LinkedChildren);
        Assert.Equal((child.NhsNumber, ChildRelationship.Victim, "police-mash"), (link.Child.NhsNumber, link.Relationship, link.LinkedBy));
        Assert.Equal("Suspected perpetrator on CSE flag cse_ellie (online contact)", link.Details);
        // Medium risk: the link alone shares nothing, as with LinkChild.
        Assert.Empty(await app.RiskChangesForAsync(child));

        await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.High, "Arrested for online grooming offences.");

        var (_, envelope, change) = Assert.Single(await app.RiskChangesForAsync(child));
        Assert.Equal((app.ChildKey(child), RiskLevel.High, "victim"), (envelope.ChildKey, change.Level, change.Relationship));
    }

    [Fact]
    public async Task A_redelivery_or_a_second_flag_naming_the_same_offender_leaves_the_child_linked_once_as_linked_first()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.High));
        var child = Samples.Child("Fay");
        var eventId = "evt_" + Guid.NewGuid().ToString("N");

        await DeliverAsync(offender.OffenderId, child, "cse_fay", eventId: eventId);
        await DeliverAsync(offender.OffenderId, child, "cse_fay", eventId: eventId);
        await DeliverAsync(offender.OffenderId, child, "cse_fay_2");

        var link = Assert.Single((await ReadAsync(offender.OffenderId)).Details.LinkedChildren);
        Assert.Equal("Suspected perpetrator on CSE flag cse_fay (online contact)", link.Details);
        // A high-risk offender's new link is shared at once, once.
        Assert.Equal(RiskLevel.High, Assert.Single(await app.RiskChangesForAsync(child)).Change.Level);

        var sibling = Samples.Child("Gwen");
        await app.LinkAsync(offender.OffenderId, sibling, ChildRelationship.Sibling);
        await DeliverAsync(offender.OffenderId, sibling, "cse_gwen");
        Assert.Equal(ChildRelationship.Sibling, (await ReadAsync(offender.OffenderId)).Details.LinkedChildren.Single(l => l.Child.NhsNumber == sibling.NhsNumber).Relationship);
    }

    [Fact]
    public async Task An_offender_not_managed_here_is_dead_lettered_naming_the_flag_and_nothing_is_linked()
    {
        var delivery = await DeliverAsync("off_00000000000000000000000000000000", Samples.Child("Hana"), "cse_unknown");

        Assert.Equal(("dead-lettered", "UnknownOffender"), (delivery.Settlement, delivery.DeadLetterReason));
        // Operations find it at this service (x-mash-service: offender through the gateway).
        var listed = await app.DeadLetters().ListDeadLettersAsync(
            new ListDeadLettersRequest { Topic = Topics.CseFlagOffenderLinks }, app.As("ops-admin", "other", Platform.Auth.MashRoles.EventsAdmin));
        Assert.Contains(listed.DeadLetters, d => d.Reason == "UnknownOffender" && d.Type == CseFlagNamedOffender.Descriptor.FullName);
    }

    [Fact]
    public async Task Another_nodes_flag_links_nobody_here()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));

        var delivery = await DeliverAsync(offender.OffenderId, Samples.Child("Isla"), "cse_elsewhere", originNode: "worcestershire-social-care");

        Assert.Equal("completed", delivery.Settlement);
        Assert.Empty((await ReadAsync(offender.OffenderId)).Details.LinkedChildren);
    }
}
