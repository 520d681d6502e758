using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Missing.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests.TwoNodes;

/// <summary>
/// A child in care who keeps going missing, as the police and children's social care each see it at their
/// own node, through their own gateway: the episode shared at once, the Philomena profile at police only
/// while she is missing, and the third episode in 90 days putting her in front of a strategy discussion.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class MissingTests(TwoNodesFixture nodes)
{
    private static Timestamp Ago(TimeSpan span) => Timestamp.FromDateTime(DateTime.UtcNow - span);

    [Fact]
    public async Task An_episode_reported_at_police_is_at_social_care_the_profile_reaches_police_while_open_and_the_third_in_90_days_requires_a_discussion()
    {
        var child = TestChildren.New("Missing");
        var social = await nodes.SocialCare.AsAsync("social-care-mash");
        var police = await nodes.Police.AsAsync("police-mash");
        await nodes.SocialCare.Missing().RecordPhilomenaProfileAsync(new RecordPhilomenaProfileRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, Description = "5ft 2, slim, dyed red hair", Places = { "Bus station" },
            CareProviderClientId = "childrens-home",
        }, social);

        async Task<MissingEpisode> ReportAsync(TimeSpan ago) => await nodes.Police.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, ReportedAt = Ago(ago), ReportedBy = ReporterKind.ChildrensHome,
            Risk = MissingRisk.Medium, RiskRationale = "Child in care, not back by curfew",
        }, police);

        var first = await ReportAsync(TimeSpan.FromDays(60));
        var atSocialCare = await Eventually.Get(async () =>
        {
            try
            {
                return await nodes.SocialCare.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = first.EpisodeId }, social);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, timeout: TimeSpan.FromSeconds(20), what: "the police episode at social care");
        Assert.Equal((NodeOptions.PoliceNodeId, true), (atSocialCare.ReportedAtNode, atSocialCare.MissingNow));

        var profile = await Eventually.Get(async () =>
        {
            try
            {
                return await nodes.Police.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = first.EpisodeId }, police);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return null;
            }
        }, timeout: TimeSpan.FromSeconds(20), what: "the Philomena profile at police");
        Assert.Equal(("5ft 2, slim, dyed red hair", NodeOptions.SocialCareNodeId), (profile.Description, profile.HeldAtNode));

        await nodes.Police.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = first.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), ReturnedAt = Ago(TimeSpan.FromDays(59)), FoundWhere = "Bus station",
        }, police);
        var withdrawn = await Assert.ThrowsAsync<RpcException>(() =>
            nodes.Police.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = first.EpisodeId }, police).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, withdrawn.StatusCode);

        var second = await ReportAsync(TimeSpan.FromDays(20));
        await nodes.Police.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = second.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), ReturnedAt = Ago(TimeSpan.FromDays(19)), FoundWhere = "Friend's flat",
        }, police);
        var third = await ReportAsync(TimeSpan.FromHours(1));

        var discussion = await Eventually.Get(async () =>
        {
            var list = await nodes.Police.Strategy().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, police);
            return list.Discussions.FirstOrDefault(d => d.Trigger == DiscussionTrigger.MissingEpisodes && d.Reason.Contains(third.EpisodeId, StringComparison.Ordinal));
        }, timeout: TimeSpan.FromSeconds(20), what: "the strategy discussion required by the third episode");
        Assert.Contains("3 missing episodes in 90 days", discussion.Reason, StringComparison.Ordinal);
        var riskProfile = await Eventually.Get(async () =>
        {
            var p = await nodes.SocialCare.Assessments().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, social);
            return p.MissingEpisodes.Count == 3 ? p : null;
        }, timeout: TimeSpan.FromSeconds(20), what: "three episodes in social care's risk profile");
        Assert.True(riskProfile.MissingEpisodesIndicator);
    }

    [Fact]
    public async Task A_return_interview_at_social_care_that_makes_a_referral_puts_it_in_the_front_doors_queue_and_police_see_the_interview_name_it()
    {
        var child = TestChildren.New("Interview");
        var police = await nodes.Police.AsAsync("police-mash");
        var social = await nodes.SocialCare.AsAsync("social-care-mash");
        var episode = await nodes.Police.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, ReportedAt = Ago(TimeSpan.FromHours(30)), ReportedBy = ReporterKind.Parent,
            Risk = MissingRisk.Medium, RiskRationale = "Not home after school",
        }, police);
        await nodes.Police.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), ReturnedAt = Ago(TimeSpan.FromHours(20)), FoundWhere = "Home",
            WhereBeen = "A flat in the city centre", WithWhom = "Two older men",
        }, police);

        // Police report and record the return; the local authority's return interview service interviews her.
        await Eventually.Get(async () =>
        {
            try
            {
                var e = await nodes.SocialCare.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = episode.EpisodeId }, social);
                return e.MissingNow ? null : e;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, timeout: TimeSpan.FromSeconds(20), what: "the return at social care");
        var interviewed = await nodes.SocialCare.Missing().RecordReturnInterviewAsync(new RecordReturnInterviewRequest
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), At = Ago(TimeSpan.FromHours(2)), Outcome = InterviewOutcome.Done,
            Interviewer = "Independent return interview service", IndependentOfCarer = true, Findings = "Given alcohol and a phone by men she met online",
            MakeReferral = new ReferralFromInterview { Category = AbuseCategory.Sexual },
        }, social);
        var referralId = interviewed.Interview.ReferralId;

        var atFrontDoor = await Eventually.Get(async () =>
        {
            try
            {
                return await nodes.SocialCare.Referrals().GetReferralAsync(new GetReferralRequest { ReferralId = referralId }, social);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, timeout: TimeSpan.FromSeconds(30), what: "the interview's referral at the front door");
        Assert.Equal((ReferralRole.FrontDoor, ReferralStatus.AwaitingScreening, "social-care-mash"), (atFrontDoor.Role, atFrontDoor.Status, atFrontDoor.SubmittedByClient));
        Assert.Equal("Given alcohol and a phone by men she met online", atFrontDoor.Details.Concern.Description);
        var sharedInterview = await Eventually.Get(async () =>
        {
            var e = await nodes.Police.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = episode.EpisodeId }, police);
            return e.Interview?.ReferralId == referralId ? e : null;
        }, timeout: TimeSpan.FromSeconds(20), what: "the interview at police naming the referral");
        Assert.Equal(InterviewOutcome.Done, sharedInterview.Interview.Outcome);
    }
}
