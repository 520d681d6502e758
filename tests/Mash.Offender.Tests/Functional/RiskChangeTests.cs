using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Tests.Support;
using Mash.Platform.Eventing;

namespace Mash.Offender.Tests.Functional;

/// <summary>
/// An offender's risk reaches every linked child's risk profile at partner nodes, siblings
/// included: one RiskLevelChanged per child, in the outbox with the change, each a disclosure.
/// </summary>
public sealed class RiskChangeTests(OffenderApp app) : IClassFixture<OffenderApp>
{
    [Fact]
    public async Task Raising_the_risk_publishes_a_risk_change_for_each_linked_child_with_a_disclosure()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var victim = Samples.Child("Amy");
        var sibling = Samples.Child("Bella");
        await app.LinkAsync(offender.OffenderId, victim, ChildRelationship.Victim);
        await app.LinkAsync(offender.OffenderId, sibling, ChildRelationship.Sibling);
        // Linked to a medium-risk offender: nothing shared yet.
        Assert.Empty(await app.RiskChangesForAsync(victim));

        var raised = await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.VeryHigh, "ARMS review after arrest near a school.");

        Assert.Equal(OffenderRisk.VeryHigh, raised.Risk);
        foreach (var (child, relationship, who) in new[] { (victim, "victim", "A person who harmed the child"), (sibling, "sibling", "A person who poses a risk to the child's sibling") })
        {
            var (message, envelope, change) = Assert.Single(await app.RiskChangesForAsync(child));
            Assert.Equal(Topics.RiskChanges, message.Topic);
            Assert.Equal((app.ChildKey(child), OffenderApp.NodeId, Agency.Police), (envelope.ChildKey, envelope.OriginNode, envelope.OriginAgency));
            Assert.Equal((LawfulBasis.LawEnforcement, OffenderApp.Purpose), (envelope.LawfulBasis, envelope.Purpose));
            Assert.Equal((RiskLevel.Medium, RiskLevel.VeryHigh, false), (change.PreviousLevel, change.Level, change.SignificantHarmSuspected));
            Assert.Equal((offender.OffenderId, relationship, ""), (change.OffenderId, change.Relationship, change.AssessmentId));
            Assert.Equal($"{who} is a registered sexual offender (MAPPA category 1), risk very high (was medium).", change.Summary);
            Assert.Equal("ARMS review after arrest near a school.", change.Rationale); // the officer's words, as written
            Assert.Equal("police-mash (police)", change.ChangedBy);
            // No identity travels: neither the child's nor the offender's.
            Assert.DoesNotContain(offender.FamilyName, change.ToString(), StringComparison.Ordinal);

            var disclosure = Assert.Single(await app.DisclosuresForAsync(child));
            Assert.True(disclosure.Shared);
            Assert.Equal((envelope.EventId, "mash.events.v1.RiskLevelChanged", "LAWFUL_BASIS_LAW_ENFORCEMENT"), (disclosure.EventId, disclosure.What, disclosure.LawfulBasis));
        }

        await Eventually.TrueAsync(() => app.Transport.Sent.Count(m => (m.SessionId == app.ChildKey(victim) || m.SessionId == app.ChildKey(sibling)) && m.Type == RiskLevelChanged.Descriptor.FullName) == 2);
    }

    [Fact]
    public async Task The_officers_rationale_travels_as_written_and_the_internal_note_never_leaves_the_node()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var child = Samples.Child("Dani");
        await app.LinkAsync(offender.OffenderId, child);
        const string Words = "Seen outside the child's school twice this week; breach of SHPO condition 3 being investigated.";
        const string Note = "Source: covert human intelligence source 0417, not for disclosure.";

        var raised = await app.Client().UpdateOffenderRiskAsync(new UpdateOffenderRiskRequest
        {
            OffenderId = offender.OffenderId, Risk = OffenderRisk.VeryHigh, Rationale = Words, InternalNote = Note,
        }, app.As());

        var (message, _, change) = Assert.Single(await app.RiskChangesForAsync(child));
        Assert.Equal(Words, change.Rationale);
        Assert.DoesNotContain("0417", Convert.ToBase64String(message.Envelope), StringComparison.Ordinal);
        Assert.DoesNotContain("0417", System.Text.Encoding.UTF8.GetString(message.Envelope), StringComparison.Ordinal);
        // Kept at this node, with the change, for the full view.
        Assert.Equal((Words, Note), (raised.Details.RiskHistory[^1].Rationale, raised.Details.RiskHistory[^1].InternalNote));
    }

    [Fact]
    public async Task A_child_without_an_nhs_number_is_not_shared_and_the_decision_is_logged()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var confirmed = Samples.Child();
        var unconfirmed = Samples.UnconfirmedChild();
        await app.LinkAsync(offender.OffenderId, confirmed);
        var linked = await app.LinkAsync(offender.OffenderId, unconfirmed);
        Assert.Equal(ChildMatchStatus.Unconfirmed, linked.Details.LinkedChildren.Single(l => l.Child.Equals(unconfirmed)).ChildMatch);

        await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.High);

        Assert.Single(await app.RiskChangesForAsync(confirmed));
        Assert.Empty(await app.RiskChangesForAsync(unconfirmed));
        var decision = Assert.Single(await app.DisclosuresForAsync(unconfirmed));
        Assert.False(decision.Shared);
        Assert.Contains("unconfirmed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_a_child_to_a_high_risk_offender_shares_it_once()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.High));
        var child = Samples.Child("Cleo");

        await app.LinkAsync(offender.OffenderId, child, ChildRelationship.HouseholdMember);
        var again = await app.LinkAsync(offender.OffenderId, child, ChildRelationship.HouseholdMember);

        var (_, _, change) = Assert.Single(await app.RiskChangesForAsync(child));
        Assert.Equal((RiskLevel.Unspecified, RiskLevel.High, "household member"), (change.PreviousLevel, change.Level, change.Relationship));
        Assert.Equal("Household member is a registered sexual offender (MAPPA category 1), risk high.", change.Summary);
        Assert.Equal(Samples.Register(OffenderRisk.High).RiskRationale, change.Rationale);
        Assert.Equal(1, again.LinkedChildrenCount);
    }

    [Fact]
    public async Task The_same_review_again_shares_nothing_a_review_of_a_stale_record_is_aborted()
    {
        var offender = await app.RegisterAsync(Samples.Register(OffenderRisk.Medium));
        var child = Samples.Child();
        var linked = await app.LinkAsync(offender.OffenderId, child);
        var raised = await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.High, "Review 1");
        var repeated = await app.UpdateRiskAsync(offender.OffenderId, OffenderRisk.High, "Review 1");

        Assert.Equal(raised, repeated);
        Assert.Single(await app.RiskChangesForAsync(child));

        var stale = new UpdateOffenderRiskRequest { OffenderId = offender.OffenderId, Risk = OffenderRisk.Low, Rationale = "Review 2", ExpectedVersion = linked.Version };
        await RpcAssert.FailsWith(StatusCode.Aborted, () => app.Client().UpdateOffenderRiskAsync(stale, app.As()).ResponseAsync);
        stale.ExpectedVersion = raised.Version;
        var lowered = await app.Client().UpdateOffenderRiskAsync(stale, app.As());

        Assert.Equal([RiskLevel.High, RiskLevel.Low], (await app.RiskChangesForAsync(child)).Select(c => c.Change.Level));
        Assert.Equal([OffenderRisk.Medium, OffenderRisk.High, OffenderRisk.Low], lowered.Details.RiskHistory.Select(r => r.Risk));
        // Lower risk, reactive management: no visit is scheduled any more.
        Assert.True(lowered.Details.VisitSchedule.Reactive);
        Assert.Null(lowered.Details.VisitSchedule.NextDueBy);
    }
}
