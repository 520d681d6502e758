using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// The review found strategy discussions not held and their minutes not attached to police
/// records: here one becomes required by itself, and its minutes reach the police node.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class StrategyDiscussionTests(TwoNodesFixture nodes)
{
    [Fact]
    public async Task Significant_harm_makes_a_discussion_required_and_its_minutes_reach_the_police_node()
    {
        var socialCare = nodes.SocialCare;
        var headers = await socialCare.AsAsync("social-care-mash");
        var child = TestChildren.New("Sam");
        var referral = await socialCare.Referrals().SubmitReferralAsync(new SubmitReferralRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Details = new ReferralDetails
            {
                Child = child,
                Concern = new Concern { Description = "Bruising to the face, explanation inconsistent.", Category = AbuseCategory.Physical },
                Referrer = new Referrer { Name = "School nurse", Agency = Agency.Health },
                LawfulBasis = LawfulBasis.PublicTask,
            },
        }, headers);
        var referralId = referral.Referral.ReferralId;
        await socialCare.Referrals().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = referralId, Rag = Rag.Amber, Rationale = "Injury to a child" }, headers);
        await socialCare.Referrals().RecordDecisionAsync(new RecordDecisionRequest
        { ReferralId = referralId, Outcome = ReferralOutcome.ChildInNeedAssessment, Rationale = "Assess the family's needs" }, headers);
        var assessment = await Eventually.Get(async () =>
            (await socialCare.Assessments().ListAssessmentsAsync(new ListAssessmentsRequest { ReferralId = referralId }, headers)).Assessments
                .FirstOrDefault(), what: "the assessment opened by the decision");
        await socialCare.Assessments().RecordCheckAsync(new RecordCheckRequest
        { AssessmentId = assessment.AssessmentId, Agency = Agency.Police, Result = "Domestic abuse call-outs at the address", InformationFound = true }, headers);
        await socialCare.Assessments().CompleteAssessmentAsync(new CompleteAssessmentRequest
        { AssessmentId = assessment.AssessmentId, RiskLevel = RiskLevel.High, Rag = Rag.Red, Rationale = "Physical injury", SignificantHarmSuspected = true }, headers);

        // Required by itself, from the assessment's conclusion.
        var required = await Eventually.Get(async () =>
            (await socialCare.Strategy().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, headers)).Discussions.FirstOrDefault(),
            what: "the required strategy discussion");
        Assert.Equal(DiscussionStatus.Required, required.Status);
        Assert.Equal(DiscussionTrigger.SignificantHarmSuspected, required.Trigger);

        // The police must attend: the discussion is on their outstanding list at once, with its clock and holding node.
        var police = nodes.Police;
        var policeHeaders = await police.AsAsync("police-mash");
        var outstandingAtPolice = await Eventually.Get(async () =>
            (await police.Strategy().ListOutstandingAsync(new ListOutstandingRequest(), policeHeaders)).Discussions
                .FirstOrDefault(d => d.DiscussionId == required.DiscussionId), what: "the required discussion on the police node's outstanding list");
        Assert.Equal((required.DueAt, socialCare.Options.NodeId), (outstandingAtPolice.DueAt, outstandingAtPolice.HeldByNode));

        var strategy = socialCare.Strategy();
        await strategy.RecordAttendanceAsync(new RecordAttendanceRequest
        {
            DiscussionId = required.DiscussionId,
            Participants =
            {
                new Participant { Agency = Agency.ChildrenSocialCare, Name = "A. Worker", Role = "Social worker", Attended = true },
                new Participant { Agency = Agency.Police, Name = "DS Example", Role = "Detective sergeant", Attended = true },
                new Participant { Agency = Agency.Health, Name = "Dr Example", Role = "Designated doctor", Attended = true },
            },
        }, headers);
        var concluded = await strategy.ConcludeDiscussionAsync(new ConcludeDiscussionRequest
        {
            DiscussionId = required.DiscussionId,
            Decisions = new Decisions
            {
                InformationShared = "Police: two call-outs; health: injury consistent with a slap.",
                S47Enquiry = true,
                CriminalInvestigation = new CriminalInvestigation { Kind = InvestigationKind.Joint, AbeInterview = true, MedicalExamination = true, ConductAndTiming = "ABE tomorrow 10:00" },
                Actions = { new SafeguardingAction { Description = "Visit the sibling at school", OwningAgency = Agency.ChildrenSocialCare, DueAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1)) } },
                WhatTheFamilyIsTold = "Mother told of the enquiry; partner not told until interview.",
                ParentalPermissionSought = true,
            },
            Minutes = new Minutes { Text = "Minutes: agreed joint s47 enquiry and ABE interview.", DocumentReference = "LCS-12345" },
        }, headers);
        Assert.Equal(DiscussionStatus.Concluded, concluded.Status);
        Assert.NotNull(concluded.ConferenceDueAt);

        // The police node holds the record and minutes against its own record of the child.
        var atPolice = await Eventually.Get(async () =>
            (await police.Strategy().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, policeHeaders)).Discussions
                .FirstOrDefault(d => d.DiscussionId == concluded.DiscussionId && d.Status == DiscussionStatus.Concluded), what: "the minutes at the police node");
        Assert.Equal("Minutes: agreed joint s47 enquiry and ABE interview.", atPolice.Minutes.Text);
        Assert.Equal("LCS-12345", atPolice.Minutes.DocumentReference);
        Assert.Equal(socialCare.Options.NodeId, atPolice.HeldByNode);
        Assert.True(atPolice.Decisions.S47Enquiry);
        Assert.Equal(InvestigationKind.Joint, atPolice.Decisions.CriminalInvestigation.Kind);
    }
}
