using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Referral.Tests.Support;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

public sealed class FrontDoorTests() : FrontDoorScenarios(onPostgreSql: false);

/// <summary>The same scenarios with both nodes' databases on PostgreSQL.</summary>
public sealed class FrontDoorPostgreSqlTests() : FrontDoorScenarios(onPostgreSql: true);

/// <summary>
/// A referral made at the police node travels to the MASH front door at the social care node and the
/// outcome travels back: two Referral services, each on its own database, the events carried between
/// them as the broker would carry them (through each one's real consumer and inbox).
/// </summary>
public abstract class FrontDoorScenarios : IDisposable
{
    private readonly ReferralApp _police;
    private readonly ReferralApp _mash;

    private protected FrontDoorScenarios(bool onPostgreSql)
    {
        _police = onPostgreSql ? ReferralApp.WithPostgreSql(ReferralApp.PoliceNode) : ReferralApp.Referrer();
        _mash = onPostgreSql ? ReferralApp.WithPostgreSql() : new ReferralApp();
    }

    public void Dispose()
    {
        _police.Dispose();
        _mash.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<Contracts.Referral.V1.Referral> SubmitAtPoliceAsync(string key, Timestamp? receivedAt = null)
    {
        var request = Samples.Submit(key);
        request.ReceivedAt = receivedAt;
        return (await _police.Client().SubmitReferralAsync(request, _police.As("police-mash"))).Referral;
    }

    private Task<List<RecordedDelivery>> ToFrontDoorAsync() => _mash.CarryFromAsync(_police, Topics.FrontDoorReferrals);

    private Task<List<RecordedDelivery>> BackToPoliceAsync() => _police.CarryFromAsync(_mash, Topics.ReferralOutcomes);

    private Task<Contracts.Referral.V1.Referral> AtPoliceAsync(string id) =>
        _police.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, _police.As("police-mash")).ResponseAsync;

    private Task<Contracts.Referral.V1.Referral> AtMashAsync(string id) =>
        _mash.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, _mash.As("social-care-mash")).ResponseAsync;

    [SkippableFact]
    public async Task A_referral_made_at_the_police_node_is_kept_there_as_the_referrers_copy_and_sent_to_the_front_door_alone()
    {
        var copy = await SubmitAtPoliceAsync("p-1");

        Assert.Equal(ReferralRole.ReferrerCopy, copy.Role);
        Assert.Equal(ReferralApp.FrontDoorNode, copy.FrontDoorNode);
        Assert.Equal(ReferralApp.PoliceNode, copy.ReferringNode);
        Assert.Equal(ReferralStatus.AwaitingScreening, copy.Status);
        Assert.Null(copy.FrontDoorAcknowledgedAt);

        var sent = Assert.Single(await _police.SentAsync(Topics.FrontDoorReferrals));
        Assert.Equal(ReferralApp.FrontDoorNode, sent.DestinationNode);
        Assert.Equal(LawfulBasis.PublicTask, sent.LawfulBasis);
        var referral = sent.Payload<ReferralSentToFrontDoor>();
        Assert.Equal(copy.ReferralId, referral.ReferralId);
        Assert.Equal(Samples.FullReferral(), referral.Details);
        Assert.Equal(copy.ReceivedAt, referral.ReceivedAt);
        Assert.Equal(Agency.Police, referral.ReferringAgency);

        var disclosure = await _police.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync());
        Assert.True(disclosure.Shared);
        Assert.Equal(sent.EventId, disclosure.EventId);
        Assert.Equal($"node '{ReferralApp.FrontDoorNode}'", disclosure.Recipients);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", disclosure.LawfulBasis);

        // A retry is answered from the copy and sends nothing more.
        var retry = await _police.Client().SubmitReferralAsync(Samples.Submit("p-1"), _police.As("police-mash"));
        Assert.True(retry.Replayed);
        Assert.Single(await _police.SentAsync(Topics.FrontDoorReferrals));
    }

    [SkippableFact]
    public async Task At_the_front_door_it_joins_the_screening_queue_with_the_referring_agency_and_node_the_same_score_and_clocks()
    {
        _police.Clock.Advance(TimeSpan.FromHours(1));
        var copy = await SubmitAtPoliceAsync("p-2", Timestamp.FromDateTimeOffset(ReferralApp.MondayMorning));
        _mash.Clock.Advance(TimeSpan.FromHours(2)); // delivered later: the clocks still run from receipt

        Assert.All(await ToFrontDoorAsync(), d => Assert.Equal("completed", d.Settlement));

        var queue = await _mash.Client().ListReferralsAsync(new ListReferralsRequest(), _mash.As("social-care-mash"));
        var queued = Assert.Single(queue.Referrals);
        Assert.Equal(copy.ReferralId, queued.ReferralId);
        Assert.Equal(ReferralRole.FrontDoor, queued.Role);
        Assert.Equal(Agency.Police, queued.SubmittedByAgency);
        Assert.Equal(ReferralApp.PoliceNode, queued.ReferringNode);
        Assert.Equal(ReferralApp.FrontDoorNode, queued.FrontDoorNode);
        Assert.Equal(copy.Completeness, queued.Completeness);
        Assert.Equal(copy.ReceivedAt, queued.ReceivedAt);
        Assert.Equal(copy.EnteredAt, queued.EnteredAt);
        Assert.Equal(copy.DecisionDueAt, queued.DecisionDueAt);
        Assert.Equal(ReferralDeadline.Decision, queued.DueDeadline);
        Assert.Equal(1, queue.Backlog.Waiting);
        Assert.Equal(TimeSpan.FromHours(2), queue.Backlog.OldestAge.ToTimeSpan());

        // The police queue has nothing waiting: the copy waits at the front door.
        var policeList = await _police.Client().ListReferralsAsync(new ListReferralsRequest(), _police.As("police-mash"));
        Assert.Equal(0, policeList.Backlog.Waiting);
        Assert.Equal([copy.ReferralId], policeList.Referrals.Select(r => r.ReferralId));
    }

    [SkippableFact]
    public async Task The_referral_delivered_again_or_under_another_event_id_is_queued_once_and_acknowledged_once()
    {
        var copy = await SubmitAtPoliceAsync("p-3");
        var sent = Assert.Single(await _police.SentAsync(Topics.FrontDoorReferrals));
        var resent = sent.Clone();
        resent.EventId = "evt_" + Guid.NewGuid().ToString("N");

        var settlements = new List<string>();
        foreach (var (envelope, count) in new[] { (sent, 1), (sent, 2), (resent, 1), (sent, 3) })
        {
            settlements.Add((await _mash.DeliverAsync(Topics.FrontDoorReferrals, envelope, count)).Settlement);
        }

        Assert.All(settlements, s => Assert.Equal("completed", s));
        Assert.Equal(1, await _mash.CountReferralsAsync());
        var receipt = Assert.Single(await _mash.SentAsync(Topics.ReferralOutcomes));
        Assert.Equal(ReferralApp.PoliceNode, receipt.DestinationNode);
        Assert.Equal(copy.ReferralId, receipt.Payload<ReferralProgressReported>().ReferralId);
    }

    [SkippableFact]
    public async Task A_referral_the_front_door_has_not_acknowledged_within_a_working_hour_is_listed_until_its_first_report()
    {
        var copy = await SubmitAtPoliceAsync("p-receipt");
        await ToFrontDoorAsync();
        _police.Clock.Advance(TimeSpan.FromHours(2));
        var unacknowledged = await _police.Deliveries().ListUnacknowledgedAsync(new ListUnacknowledgedRequest(), _police.As("police-ops", null, MashRoles.EventsAdmin));
        var late = Assert.Single(unacknowledged.Deliveries);
        Assert.Equal((copy.ReferralId, ReferralApp.FrontDoorNode), (late.RecordId, late.DestinationNode));

        // The front door's first report is its receipt.
        Assert.All(await BackToPoliceAsync(), d => Assert.Equal("completed", d.Settlement));

        Assert.Equal(0, (await _police.Deliveries().ListUnacknowledgedAsync(new ListUnacknowledgedRequest(), _police.As("police-ops", null, MashRoles.EventsAdmin))).TotalUnacknowledged);
        // Nothing travels back for the reports themselves, and the front door expects no receipt for them.
        Assert.Empty(await _police.SentAsync(Topics.DeliveryReceipts));
        _mash.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await _mash.Deliveries().ListUnacknowledgedAsync(new ListUnacknowledgedRequest(), _mash.As("mash-ops", null, MashRoles.EventsAdmin))).TotalUnacknowledged);
    }

    [SkippableFact]
    public async Task The_referrer_sees_the_receipt_the_screening_and_the_outcome_but_never_the_rationale()
    {
        var copy = await SubmitAtPoliceAsync("p-4");
        await ToFrontDoorAsync();
        await BackToPoliceAsync();
        var acknowledged = await AtPoliceAsync(copy.ReferralId);
        Assert.NotNull(acknowledged.FrontDoorAcknowledgedAt);
        Assert.Equal(ReferralStatus.AwaitingScreening, acknowledged.Status);

        var mash = _mash.Client();
        await mash.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = copy.ReferralId, Rag = Rag.Red, Rationale = "Health records show two earlier injuries" }, _mash.As("social-care-mash", "children-social-care"));
        await BackToPoliceAsync();
        var screened = await AtPoliceAsync(copy.ReferralId);
        Assert.Equal(ReferralStatus.AwaitingDecision, screened.Status);
        Assert.Equal(Rag.Red, screened.Screening.Rag);
        Assert.Equal(Agency.ChildrenSocialCare, screened.Screening.Agency);
        Assert.Equal((await AtMashAsync(copy.ReferralId)).Screening.DueAt, screened.Screening.DueAt);
        Assert.Equal(ReferralDeadline.ScreeningRag, screened.DueDeadline);
        Assert.Equal("", screened.Screening.Rationale);
        Assert.Equal("", screened.Screening.ScreenedBy);

        _mash.Clock.Advance(TimeSpan.FromHours(1));
        await mash.RecordDecisionAsync(new RecordDecisionRequest { ReferralId = copy.ReferralId, Outcome = ReferralOutcome.StrategyDiscussion, Rationale = "Sibling disclosed too" }, _mash.As("social-care-mash", "children-social-care"));
        Assert.All(await BackToPoliceAsync(), d => Assert.Equal("completed", d.Settlement));

        var decided = await AtPoliceAsync(copy.ReferralId);
        var atMash = await AtMashAsync(copy.ReferralId);
        Assert.Equal(ReferralStatus.Decided, decided.Status);
        Assert.Equal(ReferralOutcome.StrategyDiscussion, decided.Decision.Outcome);
        Assert.Equal(atMash.Decision.DecidedAt, decided.Decision.DecidedAt);
        Assert.Equal(Agency.ChildrenSocialCare, decided.Decision.Agency);
        Assert.False(decided.Decision.TimescaleBreached);
        Assert.Equal("", decided.Decision.Rationale);
        Assert.Equal("", decided.Decision.DecidedBy);
        Assert.Equal("Sibling disclosed too", atMash.Decision.Rationale);

        // Every report went to the referring node alone, each a disclosure with its lawful basis.
        var reports = await _mash.SentAsync(Topics.ReferralOutcomes);
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(ReferralApp.PoliceNode, r.DestinationNode));
        Assert.Equal(3, await _mash.WithDbAsync(db => db.Set<DisclosureRecord>().CountAsync(d => d.Shared && d.Recipients == $"node '{ReferralApp.PoliceNode}'")));
    }

    [SkippableFact]
    public async Task An_older_report_delivered_again_after_the_outcome_does_not_take_the_copy_back()
    {
        var copy = await SubmitAtPoliceAsync("p-5");
        await ToFrontDoorAsync();
        await _mash.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = copy.ReferralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "Police protection" }, _mash.As("social-care-mash"));
        var reports = await _mash.SentAsync(Topics.ReferralOutcomes);
        Assert.Equal(2, reports.Count);

        await _police.DeliverAsync(Topics.ReferralOutcomes, reports[1]);
        var late = reports[0].Clone();
        late.EventId = "evt_" + Guid.NewGuid().ToString("N"); // not the inbox's to catch: the rule must
        Assert.Equal("completed", (await _police.DeliverAsync(Topics.ReferralOutcomes, late)).Settlement);

        var shown = await AtPoliceAsync(copy.ReferralId);
        Assert.Equal(ReferralStatus.Decided, shown.Status);
        Assert.Equal(ReferralOutcome.ImmediateProtection, shown.Decision.Outcome);
    }

    [SkippableFact]
    public async Task A_report_from_a_node_that_is_not_the_referrals_front_door_or_about_an_unknown_referral_is_dead_lettered()
    {
        var copy = await SubmitAtPoliceAsync("p-6");
        var forged = Envelopes.For(new ReferralProgressReported { ReferralId = copy.ReferralId, Status = ReferralStatus.Decided, Outcome = ReferralOutcome.NoFurtherAction, DecidedAt = Timestamp.FromDateTimeOffset(_police.Clock.GetUtcNow()) },
            _police.ChildKey(Samples.FullReferral().Child), "another-node", Agency.Health, _police.Clock.GetUtcNow(), LawfulBasis.PublicTask);
        var unknown = Envelopes.For(new ReferralProgressReported { ReferralId = "ref_never_sent", Status = ReferralStatus.AwaitingScreening },
            "child", ReferralApp.FrontDoorNode, Agency.ChildrenSocialCare, _police.Clock.GetUtcNow(), LawfulBasis.PublicTask);

        Assert.Equal("NotItsFrontDoor", (await _police.DeliverAsync(Topics.ReferralOutcomes, forged)).DeadLetterReason);
        Assert.Equal("UnknownReferral", (await _police.DeliverAsync(Topics.ReferralOutcomes, unknown)).DeadLetterReason);
        Assert.Equal(ReferralStatus.AwaitingScreening, (await AtPoliceAsync(copy.ReferralId)).Status);
    }

    [SkippableFact]
    public async Task A_referral_for_another_node_is_left_unapplied_and_its_copy_cannot_be_screened_or_decided_by_the_referrer()
    {
        var copy = await SubmitAtPoliceAsync("p-7");
        var sent = Assert.Single(await _police.SentAsync(Topics.FrontDoorReferrals));
        sent.DestinationNode = "some-other-node";
        Assert.Equal("completed", (await _mash.DeliverAsync(Topics.FrontDoorReferrals, sent)).Settlement);
        Assert.Equal(0, await _mash.CountReferralsAsync());

        var screen = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _police.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = copy.ReferralId, Rag = Rag.Red, Rationale = "x" }, _police.As("police-mash")).ResponseAsync);
        Assert.Contains(ReferralApp.FrontDoorNode, screen.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _police.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = copy.ReferralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "x" }, _police.As("police-mash")).ResponseAsync);
        Assert.Equal(ReferralStatus.AwaitingScreening, (await AtPoliceAsync(copy.ReferralId)).Status);
    }

    [SkippableFact]
    public async Task The_referrer_lists_what_has_no_outcome_back_a_working_day_after_receipt()
    {
        var waiting = await SubmitAtPoliceAsync("p-8");
        var answered = await SubmitAtPoliceAsync("p-9");
        await ToFrontDoorAsync();
        await _mash.Client().RecordDecisionAsync(new RecordDecisionRequest { ReferralId = answered.ReferralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "EPO" }, _mash.As("social-care-mash"));
        await BackToPoliceAsync();
        var request = new ListReferralsRequest { AwaitingOutcomeOnly = true };

        Assert.Empty((await _police.Client().ListReferralsAsync(request, _police.As("police-mash"))).Referrals);

        // Monday 10:00 + one working day = Tuesday 10:00; a minute later it is one to chase.
        _police.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var chase = await _police.Client().ListReferralsAsync(request, _police.As("police-mash"));
        Assert.Equal([waiting.ReferralId], chase.Referrals.Select(r => r.ReferralId));
        Assert.Equal(1, chase.TotalMatching);
    }

    [SkippableFact]
    public async Task A_referral_received_two_working_days_ago_is_late_when_entered_and_its_decision_must_say_why()
    {
        // Thursday 19 November 2026, 08:30: a call taken two working days before it is typed in on Monday.
        var received = new DateTimeOffset(2026, 11, 19, 8, 30, 0, TimeSpan.Zero);
        var copy = await SubmitAtPoliceAsync("p-10", Timestamp.FromDateTimeOffset(received));
        Assert.True(copy.Overdue);
        // Received before the working day began: its one working day ran 09:00 to 17:00 that Thursday.
        Assert.Equal(new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc), copy.DecisionDueAt.ToDateTime());

        await ToFrontDoorAsync();
        var queued = await AtMashAsync(copy.ReferralId);
        Assert.True(queued.Overdue);
        var overdue = await _mash.Client().ListReferralsAsync(new ListReferralsRequest { OverdueOnly = true }, _mash.As("social-care-mash"));
        Assert.Equal(1, overdue.Backlog.Overdue);

        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _mash.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = copy.ReferralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "EPO" }, _mash.As("social-care-mash")).ResponseAsync);
        Assert.Equal(["lateness_reason"], RpcAssert.ViolatedFields(refused));
        var late = await _mash.Client().RecordDecisionAsync(new RecordDecisionRequest
        {
            ReferralId = copy.ReferralId, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "EPO", LatenessReason = "Entered four days after the call was taken",
        }, _mash.As("social-care-mash"));
        Assert.True(late.Decision.TimescaleBreached);
        await BackToPoliceAsync();
        Assert.True((await AtPoliceAsync(copy.ReferralId)).Decision.TimescaleBreached);
    }

    [SkippableFact]
    public async Task A_receipt_time_out_of_bounds_is_refused_naming_received_at_and_nothing_is_stored_or_sent()
    {
        var now = _police.Clock.GetUtcNow();
        foreach (var receivedAt in new[] { now.AddMinutes(10), now.AddDays(-31) })
        {
            var request = Samples.Submit("bounds-" + receivedAt.Ticks);
            request.ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt);
            var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _police.Client().SubmitReferralAsync(request, _police.As("police-mash")).ResponseAsync);
            Assert.Equal(["received_at"], RpcAssert.ViolatedFields(refused));
        }

        Assert.Equal(0, await _police.CountReferralsAsync());
        Assert.Empty(await _police.SentAsync(Topics.FrontDoorReferrals));
    }

    [SkippableFact]
    public async Task The_same_key_with_another_receipt_time_is_another_request()
    {
        await SubmitAtPoliceAsync("p-11", Timestamp.FromDateTimeOffset(ReferralApp.MondayMorning.AddHours(-1)));

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => SubmitAtPoliceAsync("p-11", Timestamp.FromDateTimeOffset(ReferralApp.MondayMorning.AddHours(-2))));
        Assert.True((await _police.Client().SubmitReferralAsync(
            new SubmitReferralRequest { IdempotencyKey = "p-11", Details = Samples.FullReferral(), ReceivedAt = Timestamp.FromDateTimeOffset(ReferralApp.MondayMorning.AddHours(-1)) },
            _police.As("police-mash"))).Replayed);
    }
}
