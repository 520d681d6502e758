using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Platform.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Assessments start from this node's ReferralReceived events, delivered through the real consumer.</summary>
public sealed class ReferralReceivedTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private Task<List<string>> AssessmentIdsFor(string referralId) =>
        app.WithDbAsync(db => db.Assessments.Where(a => a.ReferralId == referralId).Select(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_referral_starts_an_open_assessment_due_45_working_days_after_receipt()
    {
        var referral = Samples.Referral();
        var delivery = await app.DeliverReferralAsync(referral);

        Assert.Equal("completed", delivery.Settlement);
        var id = Assert.Single(await AssessmentIdsFor(referral.ReferralId));
        var assessment = await app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id }, app.As());
        Assert.StartsWith("asm_", assessment.AssessmentId, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Open, assessment.Status);
        Assert.Equal(referral.ReferralId, assessment.ReferralId);
        Assert.Equal(referral.Child, assessment.Child);
        Assert.Equal(referral.ConcernSummary, assessment.ConcernSummary);
        Assert.Equal(ChildMatchStatus.Confirmed, assessment.ChildMatch);
        Assert.Equal(AssessmentApp.MondayMorning.UtcDateTime, assessment.StartedAt.ToDateTime());
        // Across Christmas Day, the Boxing Day substitute and New Year's Day.
        Assert.Equal(new DateTime(2027, 1, 28, 10, 0, 0, DateTimeKind.Utc), assessment.DueAt.ToDateTime());
        Assert.False(assessment.Overdue);
        Assert.Empty(assessment.Checks);
        Assert.Null(assessment.Outcome);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_starts_one_assessment()
    {
        var referral = Samples.Referral();
        var envelope = AssessmentApp.Envelope(referral, app.ChildKey(referral.Child), AssessmentApp.NodeId, Agency.Police,
            app.Clock.GetUtcNow(), LawfulBasis.PublicTask);

        Assert.Equal("completed", (await app.DeliverAsync(Topics.Referrals, envelope)).Settlement);
        Assert.Equal("completed", (await app.DeliverAsync(Topics.Referrals, envelope, 2)).Settlement);
        Assert.Single(await AssessmentIdsFor(referral.ReferralId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Platform.Eventing.Inbox.ProcessedEvent>().CountAsync(e => e.EventId == envelope.EventId)));
    }

    [Fact]
    public async Task The_same_referral_under_another_event_id_starts_no_second_assessment()
    {
        var referral = Samples.Referral();
        await app.DeliverReferralAsync(referral);
        var again = await app.DeliverReferralAsync(referral);

        Assert.Equal("completed", again.Settlement);
        Assert.Single(await AssessmentIdsFor(referral.ReferralId));
    }

    [Fact]
    public async Task A_child_without_an_nhs_number_is_an_unconfirmed_match()
    {
        var child = Samples.Child(nhsNumber: "");
        var referral = Samples.Referral(child);
        await app.DeliverReferralAsync(referral);

        var id = Assert.Single(await AssessmentIdsFor(referral.ReferralId));
        var assessment = await app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id }, app.As());
        Assert.Equal(ChildMatchStatus.Unconfirmed, assessment.ChildMatch);
    }

    [Fact]
    public async Task Another_nodes_referrals_are_not_assessed_here()
    {
        var referral = Samples.Referral();
        var envelope = AssessmentApp.Envelope(referral, app.ChildKey(referral.Child), "another-node", Agency.Police, app.Clock.GetUtcNow(), LawfulBasis.PublicTask);

        Assert.Equal("completed", (await app.DeliverAsync(Topics.Referrals, envelope)).Settlement);
        Assert.Empty(await AssessmentIdsFor(referral.ReferralId));
    }

    [Fact]
    public async Task A_referral_event_without_its_referral_id_is_dead_lettered()
    {
        var referral = Samples.Referral(referralId: "");
        var delivery = await app.DeliverReferralAsync(referral);

        Assert.Equal("dead-lettered", delivery.Settlement);
        Assert.Equal("IncompleteReferral", delivery.DeadLetterReason);
    }

    [Fact]
    public async Task Starting_an_assessment_is_audited_as_the_referring_nodes_event()
    {
        var referral = Samples.Referral();
        await app.DeliverReferralAsync(referral);
        var id = Assert.Single(await AssessmentIdsFor(referral.ReferralId));

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == id));
        Assert.Equal("event:mash.events.v1.ReferralReceived", entry.Method);
        Assert.Equal("node:" + AssessmentApp.NodeId, entry.ClientId);
        Assert.Equal(app.ChildKey(referral.Child), entry.ChildKey);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", entry.LawfulBasis);
    }

    [Fact]
    public async Task An_unknown_assessment_is_not_found() =>
        await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.NotFound, () =>
            app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = "asm_missing" }, app.As()).ResponseAsync);
}
