using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Assessments open when this node's MASH decides a referral, delivered through the real consumer.</summary>
public sealed class ReferralDecidedTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private Task<List<string>> AssessmentIdsFor(string referralId) =>
        app.WithDbAsync(db => db.Assessments.Where(a => a.ReferralId == referralId).Select(a => a.Id).ToListAsync());

    private async Task<Contracts.Assessment.V1.Assessment> OnlyAssessmentOfAsync(string referralId) =>
        await app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = Assert.Single(await AssessmentIdsFor(referralId)) }, app.As());

    /// <summary>An assessment as an earlier version opened it, at receipt, before any decision.</summary>
    private async Task<string> OpenedAtReceiptAsync(ReferralDecided referral)
    {
        var id = "asm_" + Guid.NewGuid().ToString("N");
        await app.WithDbAsync(async db =>
        {
            db.Assessments.Add(new AssessmentRecord
            {
                Id = id, ReferralId = referral.ReferralId, ChildKey = app.ChildKey(referral.Child), ChildMatch = ChildMatchStatus.Confirmed,
                Child = referral.Child.ToByteArray(), Area = "default", Status = AssessmentStatus.Open,
                StartedAt = referral.ReceivedAt.ToDateTime(), DueAt = referral.ReceivedAt.ToDateTime().AddDays(60), Version = 1,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task A_decision_for_an_assessment_opens_one_due_45_working_days_after_the_referral_was_received()
    {
        var referral = Samples.Referral();
        var delivery = await app.DeliverReferralAsync(referral);

        Assert.Equal("completed", delivery.Settlement);
        var assessment = await OnlyAssessmentOfAsync(referral.ReferralId);
        Assert.StartsWith("asm_", assessment.AssessmentId, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Open, assessment.Status);
        Assert.Equal(referral.ReferralId, assessment.ReferralId);
        Assert.Equal(referral.Child, assessment.Child);
        Assert.Equal(referral.ConcernSummary, assessment.ConcernSummary);
        Assert.Equal(ChildMatchStatus.Confirmed, assessment.ChildMatch);
        // Counted from receipt, not from the decision two hours later.
        Assert.Equal(AssessmentApp.MondayMorning.UtcDateTime, assessment.StartedAt.ToDateTime());
        // Across Christmas Day, the Boxing Day substitute and New Year's Day.
        Assert.Equal(new DateTime(2027, 1, 28, 10, 0, 0, DateTimeKind.Utc), assessment.DueAt.ToDateTime());
        Assert.False(assessment.Overdue);
        Assert.Empty(assessment.Checks);
        Assert.Null(assessment.Outcome);
    }

    [Fact]
    public async Task Received_before_easter_and_the_clocks_going_forward_it_is_due_at_the_same_wall_clock_time_45_working_days_on()
    {
        // Friday 19 March 2027 10:00 GMT; Good Friday, Easter Monday and the May bank holiday do not count,
        // and the clocks go forward on 28 March: due Wednesday 26 May 10:00 BST, 09:00 UTC.
        var referral = Samples.Referral(receivedAt: new DateTimeOffset(2027, 3, 19, 10, 0, 0, TimeSpan.Zero));
        await app.DeliverReferralAsync(referral);

        Assert.Equal(new DateTime(2027, 5, 26, 9, 0, 0, DateTimeKind.Utc), (await OnlyAssessmentOfAsync(referral.ReferralId)).DueAt.ToDateTime());
    }

    [Theory]
    [InlineData(ReferralOutcome.StrategyDiscussion)]
    [InlineData(ReferralOutcome.ImmediateProtection)]
    public async Task A_strategy_discussion_or_immediate_protection_opens_the_assessment_too(ReferralOutcome outcome)
    {
        var referral = Samples.Referral(outcome: outcome);
        await app.DeliverReferralAsync(referral);

        Assert.Equal(AssessmentStatus.Open, (await OnlyAssessmentOfAsync(referral.ReferralId)).Status);
    }

    [Theory]
    [InlineData(ReferralOutcome.NoFurtherAction)]
    [InlineData(ReferralOutcome.EarlyHelp)]
    public async Task No_further_action_or_early_help_opens_no_assessment(ReferralOutcome outcome)
    {
        var referral = Samples.Referral(outcome: outcome);

        Assert.Equal("completed", (await app.DeliverReferralAsync(referral)).Settlement);
        Assert.Empty(await AssessmentIdsFor(referral.ReferralId));
    }

    [Fact]
    public async Task An_assessment_opened_at_receipt_closes_with_its_reason_when_the_referral_is_decided_no_further_action()
    {
        var referral = Samples.Referral(outcome: ReferralOutcome.NoFurtherAction);
        var id = await OpenedAtReceiptAsync(referral);
        var openBefore = (await app.Client().ListAssessmentsAsync(new ListAssessmentsRequest(), app.As())).Open;

        await app.DeliverReferralAsync(referral);

        var closed = await OnlyAssessmentOfAsync(referral.ReferralId);
        Assert.Equal(AssessmentStatus.Closed, closed.Status);
        Assert.Contains("no further action", closed.ClosureReason, StringComparison.Ordinal);
        Assert.Equal(referral.DecidedAt, closed.ClosedAt);
        Assert.False(closed.Overdue);
        Assert.Equal(openBefore - 1, (await app.Client().ListAssessmentsAsync(new ListAssessmentsRequest(), app.As())).Open);
        var check = await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.FailedPrecondition, () => app.Client().RecordCheckAsync(
            new RecordCheckRequest { AssessmentId = id, Agency = Agency.Police, Result = "Nothing known" }, app.As()).ResponseAsync);
        Assert.Contains("closed", check.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assessment_opened_at_receipt_stays_open_when_the_decision_calls_for_one()
    {
        var referral = Samples.Referral(outcome: ReferralOutcome.StrategyDiscussion);
        var id = await OpenedAtReceiptAsync(referral);

        await app.DeliverReferralAsync(referral);

        Assert.Equal([id], await AssessmentIdsFor(referral.ReferralId));
        Assert.Equal(AssessmentStatus.Open, (await OnlyAssessmentOfAsync(referral.ReferralId)).Status);
    }

    [Fact]
    public async Task A_decision_made_before_the_upgrade_closes_what_it_did_not_call_for_and_opens_nothing()
    {
        var decidedOtherwise = Samples.Referral(outcome: ReferralOutcome.EarlyHelp);
        decidedOtherwise.DecidedBeforeUpgrade = true;
        await OpenedAtReceiptAsync(decidedOtherwise);
        var neverOpened = Samples.Referral(outcome: ReferralOutcome.ChildInNeedAssessment);
        neverOpened.DecidedBeforeUpgrade = true;

        await app.DeliverReferralAsync(decidedOtherwise);
        await app.DeliverReferralAsync(neverOpened);

        Assert.Equal(AssessmentStatus.Closed, (await OnlyAssessmentOfAsync(decidedOtherwise.ReferralId)).Status);
        Assert.Empty(await AssessmentIdsFor(neverOpened.ReferralId));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_opens_one_assessment()
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
    public async Task The_same_decision_under_another_event_id_opens_no_second_assessment()
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
        var referral = Samples.Referral(Samples.Child(nhsNumber: ""));
        await app.DeliverReferralAsync(referral);

        Assert.Equal(ChildMatchStatus.Unconfirmed, (await OnlyAssessmentOfAsync(referral.ReferralId)).ChildMatch);
    }

    [Fact]
    public async Task Another_nodes_decisions_are_not_applied_here()
    {
        var referral = Samples.Referral();
        var envelope = AssessmentApp.Envelope(referral, app.ChildKey(referral.Child), "another-node", Agency.Police, app.Clock.GetUtcNow(), LawfulBasis.PublicTask);

        Assert.Equal("completed", (await app.DeliverAsync(Topics.Referrals, envelope)).Settlement);
        Assert.Empty(await AssessmentIdsFor(referral.ReferralId));
    }

    [Fact]
    public async Task A_referral_received_event_from_an_earlier_version_opens_nothing()
    {
        var received = new ReferralReceived { ReferralId = "ref_" + Guid.NewGuid().ToString("N"), Child = Samples.Child(), ReceivedAt = Samples.Referral().ReceivedAt };
        var envelope = AssessmentApp.Envelope(received, app.ChildKey(received.Child), AssessmentApp.NodeId, Agency.Police, app.Clock.GetUtcNow(), LawfulBasis.PublicTask);

        Assert.Equal("completed", (await app.DeliverAsync(Topics.Referrals, envelope)).Settlement);
        Assert.Empty(await AssessmentIdsFor(received.ReferralId));
    }

    [Fact]
    public async Task A_decision_event_without_its_referral_id_is_dead_lettered()
    {
        var delivery = await app.DeliverReferralAsync(Samples.Referral(referralId: ""));

        Assert.Equal("dead-lettered", delivery.Settlement);
        Assert.Equal("IncompleteDecision", delivery.DeadLetterReason);
    }

    [Fact]
    public async Task Opening_an_assessment_is_audited_as_the_deciding_nodes_event()
    {
        var referral = Samples.Referral();
        await app.DeliverReferralAsync(referral);
        var id = Assert.Single(await AssessmentIdsFor(referral.ReferralId));

        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.RecordId == id));
        Assert.Equal("event:mash.events.v1.ReferralDecided", entry.Method);
        Assert.Equal("node:" + AssessmentApp.NodeId, entry.ClientId);
        Assert.Equal(app.ChildKey(referral.Child), entry.ChildKey);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", entry.LawfulBasis);
    }

    [Fact]
    public async Task An_unknown_assessment_is_not_found() =>
        await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.NotFound, () =>
            app.Client().GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = "asm_missing" }, app.As()).ResponseAsync);
}
