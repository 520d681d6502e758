using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Missing.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Missing episodes at one node: what is refused, the return interview's clock, the meeting's lists, the patterns.</summary>
public sealed class MissingEpisodeTests : IDisposable
{
    private readonly AssessmentApp _app = new();

    public void Dispose() => _app.Dispose();

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    private static Timestamp At(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private Task<MissingEpisode> ReportAsync(ChildIdentity child, DateTime reportedAt, MissingRisk risk = MissingRisk.Medium) =>
        _app.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = child, ReportedAt = At(reportedAt), ReportedBy = ReporterKind.ChildrensHome,
            ReporterName = "Oak House", LastSeenAt = At(reportedAt.AddHours(-1)), LastSeenPlace = "Bus station", Risk = risk, RiskRationale = "Known to meet older males",
        }, _app.As()).ResponseAsync;

    private Task<MissingEpisode> ReturnAsync(string id, DateTime at) =>
        _app.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = id, IdempotencyKey = Guid.NewGuid().ToString("N"), ReturnedAt = At(at), FoundWhere = "Friend's flat", FoundBy = "PC 22",
            WhereBeen = "Birmingham", WithWhom = "Two older men",
        }, _app.As()).ResponseAsync;

    [Fact]
    public async Task A_reported_episode_is_shared_at_once_and_a_second_open_one_is_refused_naming_the_first()
    {
        var child = Samples.Child();
        var episode = await ReportAsync(child, Now.AddHours(-2));

        Assert.True(episode.MissingNow);
        Assert.Equal((MissingRisk.Medium, 2.0), (episode.Risk, episode.HoursMissing));
        await Eventually.TrueAsync(() => _app.Transport.Sent.Any(m => m.Topic == Topics.MissingEpisodes && m.Type == MissingEpisodeReported.Descriptor.FullName));
        var again = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ReportAsync(child, Now.AddHours(-1)));
        Assert.Contains(episode.EpisodeId, again.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Found_before_reported_and_times_in_the_future_are_invalid_naming_the_field()
    {
        var future = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ReportAsync(Samples.Child(), Now.AddHours(1)));
        Assert.Contains("reported_at", RpcAssert.ViolatedFields(future));
        var episode = await ReportAsync(Samples.Child(), Now.AddHours(-3));

        var early = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ReturnAsync(episode.EpisodeId, Now.AddHours(-4)));

        Assert.Equal(["returned_at"], RpcAssert.ViolatedFields(early));
        Assert.True((await _app.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = episode.EpisodeId }, _app.As())).MissingNow);
    }

    [Fact]
    public async Task A_return_interview_is_due_72_hours_after_the_return_and_listed_once_overdue_and_must_be_independent()
    {
        var episode = await ReportAsync(Samples.Child(), Now.AddHours(-10));
        var returned = await ReturnAsync(episode.EpisodeId, Now.AddHours(-8));
        Assert.Equal(At(Now.AddHours(64)), returned.Interview.DueAt);
        var meeting = await _app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest { List = MeetingList.ReturnedWithoutInterview }, _app.As());
        Assert.Contains(meeting.Episodes, e => e.EpisodeId == episode.EpisodeId);

        _app.Clock.Advance(TimeSpan.FromHours(65));
        var overdue = await _app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest { List = MeetingList.InterviewsOverdue }, _app.As());
        Assert.True(Assert.Single(overdue.Episodes, e => e.EpisodeId == episode.EpisodeId).Interview.Overdue);

        var byCarer = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Missing().RecordReturnInterviewAsync(new RecordReturnInterviewRequest
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), At = At(Now.AddMinutes(-5)), Outcome = InterviewOutcome.Done, Interviewer = "Key worker",
        }, _app.As()).ResponseAsync);
        Assert.Equal(["independent_of_carer"], RpcAssert.ViolatedFields(byCarer));
        var done = await _app.Missing().RecordReturnInterviewAsync(new RecordReturnInterviewRequest
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), At = At(Now.AddMinutes(-5)), Outcome = InterviewOutcome.Done,
            Interviewer = "Independent return interview service", IndependentOfCarer = true, Findings = "Taken to a flat by two men; given alcohol",
        }, _app.As());
        Assert.Equal((false, true), (done.Interview.Overdue, done.Interview.Late));
    }

    [Fact]
    public async Task What_a_return_interview_found_becomes_a_referral_in_the_same_step_and_the_interview_names_it()
    {
        var child = Samples.Child();
        var episode = await ReportAsync(child, Now.AddHours(-10));
        await ReturnAsync(episode.EpisodeId, Now.AddHours(-8));
        RecordReturnInterviewRequest Interview(InterviewOutcome outcome) => new()
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), At = At(Now.AddMinutes(-5)), Outcome = outcome,
            Interviewer = "Independent return interview service", IndependentOfCarer = true, Reason = outcome == InterviewOutcome.Declined ? "Would not talk" : "",
            Findings = outcome == InterviewOutcome.Done ? "Taken to a flat by two men; given alcohol" : "",
            MakeReferral = new ReferralFromInterview { Category = Contracts.Referral.V1.AbuseCategory.Sexual, Contact = "rhi@example.org" },
        };

        var interviewer = _app.As(null, null, [.. MashRoles.Assessment, MashRoles.ReferralSubmit]);
        var declined = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Missing().RecordReturnInterviewAsync(Interview(InterviewOutcome.Declined), interviewer).ResponseAsync);
        Assert.Equal(["make_referral"], RpcAssert.ViolatedFields(declined));
        Assert.Equal(InterviewOutcome.Unspecified, (await _app.Missing().GetMissingEpisodeAsync(new GetMissingEpisodeRequest { EpisodeId = episode.EpisodeId }, _app.As())).Interview.Outcome);
        var withoutReferralRole = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _app.Missing().RecordReturnInterviewAsync(Interview(InterviewOutcome.Done), _app.As()).ResponseAsync);
        Assert.Contains(MashRoles.ReferralSubmit, withoutReferralRole.Status.Detail, StringComparison.Ordinal);
        var done = await _app.Missing().RecordReturnInterviewAsync(Interview(InterviewOutcome.Done), interviewer);

        Assert.StartsWith("ref_", done.Interview.ReferralId, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => _app.Transport.Sent.Any(m => m.Topic == Topics.ReferralRequests));
        var asked = EventEnvelope.Parser.ParseFrom(_app.Transport.Sent.Single(m => m.Topic == Topics.ReferralRequests).Body.Span).Payload.Unpack<ReferralRequested>();
        Assert.Equal(done.Interview.ReferralId, asked.ReferralId);
        Assert.Equal(child, asked.Details.Child);
        Assert.Equal(("Taken to a flat by two men; given alcohol", Contracts.Referral.V1.AbuseCategory.Sexual), (asked.Details.Concern.Description, asked.Details.Concern.Category));
        Assert.Equal(("Independent return interview service", "rhi@example.org"), (asked.Details.Referrer.Name, asked.Details.Referrer.Email));
        Assert.Equal(done.Interview.At, asked.ReceivedAt);
    }

    [Fact]
    public async Task Children_missing_now_are_listed_highest_risk_first_then_the_longest_missing()
    {
        var low = await ReportAsync(Samples.Child(), Now.AddHours(-20), MissingRisk.Low);
        var highRecent = await ReportAsync(Samples.Child(), Now.AddHours(-2), MissingRisk.High);
        var highLonger = await ReportAsync(Samples.Child(), Now.AddHours(-5), MissingRisk.High);

        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await _app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest
            {
                List = MeetingList.MissingNow, Page = new PageRequest { PageSize = 1, PageToken = token },
            }, _app.As());
            ids.AddRange(page.Episodes.Select(e => e.EpisodeId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([highLonger.EpisodeId, highRecent.EpisodeId, low.EpisodeId], ids);
    }

    [Fact]
    public async Task The_third_episode_in_90_days_makes_a_strategy_discussion_required_and_the_risk_profile_shows_the_episodes()
    {
        var child = Samples.Child();
        var first = await ReportAsync(child, Now.AddDays(-80));
        await ReturnAsync(first.EpisodeId, Now.AddDays(-80).AddHours(5));
        var second = await ReportAsync(child, Now.AddDays(-30));
        await ReturnAsync(second.EpisodeId, Now.AddDays(-30).AddHours(5));
        Assert.DoesNotContain(_app.Transport.Sent, m => m.Topic == Topics.StrategyTriggers);

        var third = await ReportAsync(child, Now.AddHours(-1));

        await Eventually.TrueAsync(() => _app.Transport.Sent.Any(m => m.Topic == Topics.StrategyTriggers));
        var trigger = EventEnvelope.Parser.ParseFrom(_app.Transport.Sent.Single(m => m.Topic == Topics.StrategyTriggers).Body.Span).Payload.Unpack<StrategyDiscussionTriggered>();
        Assert.Equal((StrategyTrigger.MissingEpisodes, third.EpisodeId), (trigger.Trigger, trigger.SourceId));
        Assert.Contains("3 missing episodes in 90 days", trigger.Reason, StringComparison.Ordinal);
        Assert.Contains(first.EpisodeId, trigger.Reason, StringComparison.Ordinal);
        var profile = await _app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, _app.As());
        Assert.Equal([third.EpisodeId, second.EpisodeId, first.EpisodeId], profile.MissingEpisodes.Select(e => e.EpisodeId));
        Assert.True(profile.MissingEpisodesIndicator);
        Assert.Equal(3, third.EpisodesInWindow);
    }

    [Fact]
    public async Task An_episode_graded_high_makes_a_strategy_discussion_required_when_regraded()
    {
        var episode = await ReportAsync(Samples.Child(), Now.AddHours(-3), MissingRisk.Low);
        var regraded = await _app.Missing().RegradeRiskAsync(new RegradeRiskRequest
        {
            EpisodeId = episode.EpisodeId, IdempotencyKey = Guid.NewGuid().ToString("N"), GradedAt = At(Now.AddHours(-1)), Risk = MissingRisk.High,
            Rationale = "Seen getting into a car with an older man",
        }, _app.As());

        Assert.Equal(MissingRisk.High, regraded.Risk);
        Assert.Equal([MissingRisk.Low, MissingRisk.High], regraded.Grades.Select(g => g.Risk));
        await Eventually.TrueAsync(() => _app.Transport.Sent.Any(m => m.Topic == Topics.StrategyTriggers));
    }
}
