using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// The case travels: a referral made at the police node reaches the MASH front door at the social care
/// node, the decision there starts the next statutory step, and the police hear back, each node a real
/// set of processes behind its own gateway.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class FrontDoorTests(TwoNodesFixture nodes)
{
    private static SubmitReferralRequest About(ChildIdentity child, DateTime? receivedAt = null)
    {
        var request = Referrals.Sample(Guid.NewGuid().ToString("N"));
        request.Details.Child = child;
        request.ReceivedAt = receivedAt is { } at ? Timestamp.FromDateTime(at) : null;
        return request;
    }

    private async Task<Contracts.Referral.V1.Referral> SubmitAtPoliceAsync(ChildIdentity child, DateTime? receivedAt = null) =>
        (await nodes.Police.Referrals().SubmitReferralAsync(About(child, receivedAt), await nodes.Police.AsAsync("police-mash"))).Referral;

    private Task<Contracts.Referral.V1.Referral> QueuedAtSocialCareAsync(string id) =>
        Eventually.Get(async () => (await nodes.SocialCare.Referrals().ListReferralsAsync(
                new ListReferralsRequest { Page = new PageRequest { PageSize = 200 } }, await nodes.SocialCare.AsAsync("social-care-mash")))
            .Referrals.FirstOrDefault(r => r.ReferralId == id), TimeSpan.FromSeconds(20), "the referral in the social care node's screening queue");

    private async Task<Contracts.Referral.V1.Referral> AtPoliceAsync(string id) =>
        await nodes.Police.Referrals().GetReferralAsync(new GetReferralRequest { ReferralId = id }, await nodes.Police.AsAsync("police-mash"));

    private async Task DecideAtSocialCareAsync(string id, ReferralOutcome outcome)
    {
        var headers = await nodes.SocialCare.AsAsync("social-care-mash");
        await nodes.SocialCare.Referrals().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = Rag.Red, Rationale = "Disclosure; police already involved" }, headers);
        await nodes.SocialCare.Referrals().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = id, Outcome = outcome, Rationale = "Threshold for the next step met" }, headers);
    }

    [Fact]
    public async Task A_referral_submitted_at_the_police_gateway_is_in_the_social_care_queue_with_the_referring_agency_and_police_hold_its_receipt()
    {
        var copy = await SubmitAtPoliceAsync(TestChildren.New("Ria"));
        Assert.Equal(ReferralRole.ReferrerCopy, copy.Role);
        Assert.Equal(nodes.SocialCare.Options.NodeId, copy.FrontDoorNode);

        var queued = await QueuedAtSocialCareAsync(copy.ReferralId);
        Assert.Equal(ReferralRole.FrontDoor, queued.Role);
        Assert.Equal(Agency.Police, queued.SubmittedByAgency);
        Assert.Equal(nodes.Police.Options.NodeId, queued.ReferringNode);
        Assert.Equal(copy.Completeness.Score, queued.Completeness.Score);
        Assert.Equal(copy.DecisionDueAt, queued.DecisionDueAt);

        var acknowledged = await Eventually.Get(async () => await AtPoliceAsync(copy.ReferralId) is { FrontDoorAcknowledgedAt: not null } r ? r : null,
            TimeSpan.FromSeconds(20), "the front door's receipt at the police node");
        Assert.Equal(ReferralStatus.AwaitingScreening, acknowledged.Status);
    }

    [Fact]
    public async Task A_strategy_discussion_decision_at_social_care_is_seen_at_police_and_requires_a_discussion_and_an_assessment()
    {
        var child = TestChildren.New("Noor");
        var copy = await SubmitAtPoliceAsync(child);
        await QueuedAtSocialCareAsync(copy.ReferralId);

        await DecideAtSocialCareAsync(copy.ReferralId, ReferralOutcome.StrategyDiscussion);

        var decided = await Eventually.Get(async () => await AtPoliceAsync(copy.ReferralId) is { Status: ReferralStatus.Decided } r ? r : null,
            TimeSpan.FromSeconds(20), "the outcome at the police node");
        Assert.Equal(ReferralOutcome.StrategyDiscussion, decided.Decision.Outcome);
        Assert.Equal(Agency.ChildrenSocialCare, decided.Decision.Agency);
        Assert.Equal(Rag.Red, decided.Screening.Rag);
        Assert.Equal("", decided.Decision.Rationale);

        var headers = await nodes.SocialCare.AsAsync("social-care-mash");
        var discussion = await Eventually.Get(async () =>
            (await nodes.SocialCare.Strategy().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, headers)).Discussions.FirstOrDefault(),
            TimeSpan.FromSeconds(20), "the discussion the decision requires");
        Assert.Equal(DiscussionStatus.Required, discussion.Status);
        Assert.Equal(DiscussionTrigger.ReferralDecision, discussion.Trigger);
        Assert.Contains(copy.ReferralId, discussion.Reason, StringComparison.Ordinal);
        Assert.True(discussion.DueAt.ToDateTime() > discussion.RequiredAt.ToDateTime());

        var assessment = await Eventually.Get(async () =>
            (await nodes.SocialCare.Assessments().ListAssessmentsAsync(new ListAssessmentsRequest { ReferralId = copy.ReferralId }, headers)).Assessments.FirstOrDefault(),
            TimeSpan.FromSeconds(20), "the assessment the decision opens");
        Assert.Equal(AssessmentStatus.Open, assessment.Status);
        Assert.Equal(copy.ReceivedAt, assessment.StartedAt);
    }

    [Fact]
    public async Task No_further_action_opens_no_assessment_while_a_later_assessment_decision_for_the_child_does()
    {
        var child = TestChildren.New("Ola");
        var dismissed = await SubmitAtPoliceAsync(child);
        var assessed = await SubmitAtPoliceAsync(child);
        await QueuedAtSocialCareAsync(dismissed.ReferralId);
        await QueuedAtSocialCareAsync(assessed.ReferralId);

        await DecideAtSocialCareAsync(dismissed.ReferralId, ReferralOutcome.NoFurtherAction);
        await DecideAtSocialCareAsync(assessed.ReferralId, ReferralOutcome.ChildInNeedAssessment);

        // A child's events arrive in order: once the later decision's assessment is open, the earlier one was applied.
        var headers = await nodes.SocialCare.AsAsync("social-care-mash");
        var forChild = await Eventually.Get(async () =>
            await nodes.SocialCare.Assessments().ListAssessmentsAsync(new ListAssessmentsRequest { Child = child }, headers) is { TotalMatching: > 0 } list ? list : null,
            TimeSpan.FromSeconds(20), "the assessment of the second referral");
        Assert.Equal([assessed.ReferralId], forChild.Assessments.Select(a => a.ReferralId));
        Assert.Equal(AssessmentStatus.Open, forChild.Assessments[0].Status);
    }

    [Fact]
    public async Task A_referral_received_two_working_days_ago_is_already_late_at_both_nodes()
    {
        var receivedAt = WorkingDaysBefore(DateTime.UtcNow, 2);
        var copy = await SubmitAtPoliceAsync(TestChildren.New("Eli"), receivedAt);

        Assert.True(copy.Overdue);
        Assert.Equal(receivedAt, copy.ReceivedAt.ToDateTime());
        var queued = await QueuedAtSocialCareAsync(copy.ReferralId);
        Assert.True(queued.Overdue);
        Assert.Equal(copy.ReceivedAt, queued.ReceivedAt);
    }

    /// <summary>Back over weekends to a weekday morning: a receipt certainly more than a working day old.</summary>
    private static DateTime WorkingDaysBefore(DateTime now, int days)
    {
        var day = now.Date;
        while (days > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return DateTime.SpecifyKind(day.AddHours(8), DateTimeKind.Utc);
    }
}
