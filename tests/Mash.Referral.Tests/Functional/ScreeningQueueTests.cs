using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Functional;

public sealed class ScreeningQueueTests : IDisposable
{
    private readonly ReferralApp _app = new();

    private async Task<string> SubmitAsync(string key, string givenName = "Amy")
    {
        var reply = await _app.Client().SubmitReferralAsync(Samples.Submit(key, Samples.FullReferral(givenName: givenName)), _app.As("police-mash"));
        return reply.Referral.ReferralId;
    }

    [Fact]
    public async Task A_red_rating_moves_a_referral_to_the_front_of_the_queue_with_a_four_working_hour_due_time()
    {
        var first = await SubmitAsync("a");
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var second = await SubmitAsync("b", "Ben");

        var screened = await _app.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = second, Rag = Rag.Red, Rationale = "Disclosure of assault; child scared to go home." }, _app.As("police-mash"));

        // Received Monday 11:00 + 4 working hours = Monday 15:00 (London is on UTC in November).
        Assert.Equal(new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), screened.Screening.DueAt.ToDateTime());
        Assert.Equal(screened.Screening.DueAt, screened.DueAt);
        Assert.Equal(ReferralDeadline.ScreeningRag, screened.DueDeadline);
        Assert.Equal(ReferralStatus.AwaitingDecision, screened.Status);

        var queue = await _app.Client().ListReferralsAsync(new ListReferralsRequest(), _app.As("police-mash"));
        Assert.Equal([second, first], queue.Referrals.Select(r => r.ReferralId));
        Assert.Equal(2, queue.Backlog.Waiting);
        Assert.Equal(TimeSpan.FromHours(1), queue.Backlog.OldestAge.ToTimeSpan());
    }

    [Fact]
    public async Task The_queue_filters_by_status_rag_and_overdue_and_counts_the_backlog()
    {
        var red = await SubmitAsync("r");
        var green = await SubmitAsync("g", "Gus");
        await SubmitAsync("n", "Nia");
        var client = _app.Client();
        await client.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = red, Rag = Rag.Red, Rationale = "Urgent" }, _app.As("police-mash"));
        await client.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = green, Rag = Rag.Green, Rationale = "Low level" }, _app.As("police-mash"));

        var reds = await client.ListReferralsAsync(new ListReferralsRequest { Rags = { Rag.Red } }, _app.As("police-mash"));
        Assert.Equal([red], reds.Referrals.Select(r => r.ReferralId));
        Assert.Equal(1, reds.TotalMatching);

        var unscreened = await client.ListReferralsAsync(new ListReferralsRequest { Statuses = { ReferralStatus.AwaitingScreening } }, _app.As("police-mash"));
        Assert.Single(unscreened.Referrals);

        // Five hours on, only the red referral (due 14:00) is overdue; the rest are due Tuesday.
        _app.Clock.Advance(TimeSpan.FromHours(5));
        var overdue = await client.ListReferralsAsync(new ListReferralsRequest { OverdueOnly = true }, _app.As("police-mash"));
        Assert.Equal([red], overdue.Referrals.Select(r => r.ReferralId));
        Assert.True(overdue.Referrals[0].Overdue);
        Assert.Equal(1, overdue.Backlog.Overdue);
        Assert.Equal(3, overdue.Backlog.Waiting);
    }

    [Fact]
    public async Task Paging_walks_the_whole_queue_once_in_due_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await SubmitAsync("p" + i, "Child" + i));
            _app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _app.Client().ListReferralsAsync(
                new ListReferralsRequest { Page = new PageRequest { PageSize = 3, PageToken = token } }, _app.As("police-mash"));
            Assert.Equal(7, page.TotalMatching);
            seen.AddRange(page.Referrals.Select(r => r.ReferralId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task A_forged_page_token_or_size_is_invalid_argument()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Client().ListReferralsAsync(
            new ListReferralsRequest { Page = new PageRequest { PageSize = 500, PageToken = "not-a-token" } }, _app.As("police-mash")).ResponseAsync);
        Assert.Equal(["page.page_size", "page.page_token"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task A_decision_on_time_is_not_a_breach()
    {
        var id = await SubmitAsync("on-time");
        await _app.Client().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = Rag.Amber, Rationale = "Needs checks" }, _app.As("police-mash"));
        _app.Clock.Advance(TimeSpan.FromHours(3));

        var decided = await _app.Client().RecordDecisionAsync(new RecordDecisionRequest
        { ReferralId = id, Outcome = ReferralOutcome.StrategyDiscussion, Rationale = "Physical abuse disclosed" }, _app.As("social-care-mash", "children-social-care"));

        Assert.Equal(ReferralStatus.Decided, decided.Status);
        Assert.False(decided.Decision.TimescaleBreached);
        Assert.False(decided.Overdue);
        Assert.Equal("social-care-mash", decided.Decision.DecidedBy);
    }

    [Fact]
    public async Task A_late_decision_must_say_why_and_is_kept_as_a_breach()
    {
        var id = await SubmitAsync("late");
        await _app.Client().RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = Rag.Green, Rationale = "Low" }, _app.As("police-mash"));
        _app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 10:00: due Tuesday 10:00.
        var decide = new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.EarlyHelp, Rationale = "Family support" };

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _app.Client().RecordDecisionAsync(decide, _app.As("police-mash")).ResponseAsync);
        Assert.Equal(["lateness_reason"], RpcAssert.ViolatedFields(refused));

        decide.LatenessReason = "Awaiting health checks";
        var decided = await _app.Client().RecordDecisionAsync(decide, _app.As("police-mash"));
        Assert.True(decided.Decision.TimescaleBreached);
        Assert.True(decided.Overdue);
        Assert.Equal("Awaiting health checks", decided.Decision.LatenessReason);
    }

    [Fact]
    public async Task Deciding_needs_screening_first_unless_the_child_needs_immediate_protection()
    {
        var id = await SubmitAsync("unscreened");
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _app.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.NoFurtherAction, Rationale = "x" }, _app.As("police-mash")).ResponseAsync);

        var decided = await _app.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Police protection" }, _app.As("police-mash"));
        Assert.Equal(ReferralStatus.Decided, decided.Status);

        // The same decision again is harmless; a different one is refused.
        await _app.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Police protection" }, _app.As("police-mash"));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _app.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.EarlyHelp, Rationale = "Changed mind" }, _app.As("police-mash")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _app.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = id, Rag = Rag.Blue, Rationale = "x" }, _app.As("police-mash")).ResponseAsync);
    }

    [Fact]
    public async Task A_green_rating_whose_timescale_ends_after_the_decision_leaves_the_decision_as_the_deadline_due()
    {
        var id = await SubmitAsync("green");
        var screened = await _app.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = id, Rag = Rag.Green, Rationale = "Low-level concern, family engaging" }, _app.As("police-mash"));

        // Green allows 72 working hours; the decision is due after one working day, first.
        Assert.Equal(screened.DecisionDueAt, screened.DueAt);
        Assert.Equal(ReferralDeadline.Decision, screened.DueDeadline);
        Assert.True(screened.Screening.DueAt.ToDateTime() > screened.DueAt.ToDateTime());
    }

    [Fact]
    public async Task An_over_long_id_or_filter_is_refused_before_any_lookup_and_the_id_is_not_echoed()
    {
        var longId = "ref_" + new string('x', 20_000);
        var get = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _app.Client().GetReferralAsync(new GetReferralRequest { ReferralId = longId }, _app.As("police-mash")).ResponseAsync);
        Assert.Equal(["referral_id"], RpcAssert.ViolatedFields(get));
        Assert.DoesNotContain(new string('x', 100), get.Status.Detail, StringComparison.Ordinal);

        var tooMany = new ListReferralsRequest();
        tooMany.Statuses.AddRange(Enumerable.Repeat(ReferralStatus.Decided, 11));
        var list = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.Client().ListReferralsAsync(tooMany, _app.As("police-mash")).ResponseAsync);
        Assert.Equal(["statuses"], RpcAssert.ViolatedFields(list));
    }

    [Fact]
    public async Task Unknown_referrals_are_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            _app.Client().GetReferralAsync(new GetReferralRequest { ReferralId = "ref_missing" }, _app.As("police-mash")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _app.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = "ref_missing", Rag = Rag.Red, Rationale = "x" }, _app.As("police-mash")).ResponseAsync);
    }

    [Fact]
    public async Task Reading_a_record_without_a_stated_purpose_and_lawful_basis_is_refused()
    {
        var id = await SubmitAsync("purpose");
        var headers = new Metadata { _app.As("police-mash")[0] };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _app.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, headers).ResponseAsync);
        Assert.Equal(["x-mash-purpose", "x-mash-lawful-basis"], RpcAssert.ViolatedFields(error));
    }

    public void Dispose() => _app.Dispose();
}
