using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing;
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
        // The police node knows Sam already: an officer flagged a low CSE risk.
        var police = nodes.Police;
        var policeHeaders = await police.AsAsync("police-mash");
        await police.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Child = child,
            Risk = CseRisk.Low,
            Reason = "Missing from home twice, returned by a man in his twenties",
            Evidence = "Missing person reports",
            LawfulBasis = LawfulBasis.LawEnforcement,
        }, policeHeaders);
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
        var outstandingAtPolice = await Eventually.Get(async () =>
            (await police.Strategy().ListOutstandingAsync(new ListOutstandingRequest(), policeHeaders)).Discussions
                .FirstOrDefault(d => d.DiscussionId == required.DiscussionId), what: "the required discussion on the police node's outstanding list");
        Assert.Equal((required.DueAt, socialCare.Options.NodeId), (outstandingAtPolice.DueAt, outstandingAtPolice.HeldByNode));
        // Attached to the child as the police node knows them.
        Assert.Equal((child.NhsNumber, ChildMatchStatus.Confirmed), (outstandingAtPolice.Child?.NhsNumber, outstandingAtPolice.ChildMatch));
        // And social care can prove it arrived: the police node's receipt.
        var receipted = await Eventually.Get(async () =>
        {
            var atSocialCare = await socialCare.Strategy().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = required.DiscussionId }, headers);
            return atSocialCare.HeldByPartners.FirstOrDefault(r => r.Node == police.Options.NodeId);
        }, what: "the police node's receipt for the required discussion");
        Assert.Equal(Agency.Police, receipted.Agency);

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

        // Reachable from the child's record at police: the risk profile lists it, held, with its minutes reference.
        var inProfile = await Eventually.Get(async () =>
            (await police.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, policeHeaders)).Discussions
                .FirstOrDefault(d => d.DiscussionId == concluded.DiscussionId && d.Status == DiscussionStatus.Concluded),
            what: "the discussion in the child's risk profile at the police node");
        Assert.Equal(("LCS-12345", socialCare.Options.NodeId, Agency.ChildrenSocialCare), (inProfile.MinutesReference, inProfile.HeldByNode, inProfile.HeldByAgency));
        var byId = await police.Strategy().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = concluded.DiscussionId }, policeHeaders);
        Assert.Equal((child.GivenName, ChildMatchStatus.Confirmed), (byId.Child?.GivenName, byId.ChildMatch));

        // The police node's investigation service takes concluded discussions only: the outstanding one it
        // settled unapplied, leaving operations no dead letter for it (it used to leave one per discussion).
        var ops = await police.AsAsync("ops-admin");
        ops.Add("x-mash-service", "investigation");
        var letters = await police.DeadLetters().ListDeadLettersAsync(new ListDeadLettersRequest { Topic = Topics.StrategyDiscussions }, ops);
        Assert.DoesNotContain(letters.DeadLetters, d => d.Type == StrategyDiscussionOutstanding.Descriptor.FullName);
    }
}
