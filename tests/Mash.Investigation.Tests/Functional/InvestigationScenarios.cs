using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Investigation.Tests.Support;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Testing.Eventing;
using Mash.Testing.Postgres;
using static Mash.Investigation.Tests.Support.InvestigationApp;

namespace Mash.Investigation.Tests.Functional;

public sealed class InvestigationTests() : InvestigationScenarios(onPostgreSql: false);

/// <summary>The same scenarios on PostgreSQL (skipped, saying so, when no server is available).</summary>
public sealed class InvestigationPostgreSqlTests() : InvestigationScenarios(onPostgreSql: true);

/// <summary>Investigations at a police node as investigators, supervisors, auditors and the board use them.</summary>
public abstract class InvestigationScenarios : IDisposable
{
    private static readonly Dictionary<string, string> Settings = new() { ["Mash:Investigation:Areas:default:TeamCapacity:CSE team"] = "2" };
    private readonly bool _onPostgreSql;
    private readonly InvestigationApp _app;

    private protected InvestigationScenarios(bool onPostgreSql)
    {
        _onPostgreSql = onPostgreSql;
        _app = onPostgreSql ? new InvestigationPostgreSqlApp(Settings) : new InvestigationApp(Settings);
    }

    /// <summary>Each test first: skipped on PostgreSQL when no server is available (failed when CI requires one).</summary>
    private void RequireDatabase()
    {
        if (_onPostgreSql)
        {
            PostgresServer.Require();
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private DateTime Now => _app.Now;

    private InvestigationService.InvestigationServiceClient Client => _app.Client();

    [SkippableFact]
    public async Task The_reviews_girl_is_on_the_stalled_list_with_each_reason_once_a_partner_flags_her_high_and_leaves_it_when_the_flag_is_cleared()
    {
        RequireDatabase();
        var girl = Child("Gemma");
        var investigation = await _app.OpenAsync(girl, Now.AddDays(-240));
        var phone = await _app.SeizeAsync(investigation.InvestigationId, Now.AddDays(-239));
        await _app.ProgressAsync(phone.DeviceId, DeviceStage.Submitted, Now.AddDays(-238));
        Assert.Empty((await Client.ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), _app.As())).Investigations);

        Assert.Equal("completed", (await _app.FlagAsync(girl, "flg_partner_1", CseRisk.High)).Settlement);

        var stalled = Assert.Single((await Client.ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), _app.As())).Investigations);
        Assert.Equal(investigation.InvestigationId, stalled.InvestigationId);
        Assert.Equal(["high CSE flag"], stalled.HighRiskBecause);
        Assert.Equal([StallReason.NoAbeInterview, StallReason.NoSafeguardingMeasure, StallReason.NoSupervisoryReview, StallReason.DevicesNotExamined],
            stalled.Stalls.Select(s => s.Reason));
        Assert.Equal(240, stalled.Stalls[0].Days, precision: 1);
        Assert.True((await Client.GetInvestigationAsync(new GetInvestigationRequest { InvestigationId = investigation.InvestigationId }, _app.As())).HighRisk);

        // The daily high-risk list at this node's Assessment service is told once, and again only when it changes.
        Assert.Equal(1, await _app.LookForStallsAsync());
        Assert.Equal(0, await _app.LookForStallsAsync());
        var told = Assert.Single(await _app.SentAsync(Topics.InvestigationStalls)).Payload.Unpack<InvestigationStallsChanged>();
        Assert.Equal((investigation.InvestigationId, 4), (told.InvestigationId, told.Stalls.Count));

        await _app.FlagAsync(girl, "flg_partner_1", CseRisk.Medium, FlagAction.Reviewed);
        Assert.Empty((await Client.ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), _app.As())).Investigations);
        Assert.Equal(1, await _app.LookForStallsAsync());
        Assert.Empty((await _app.SentAsync(Topics.InvestigationStalls))[^1].Payload.Unpack<InvestigationStallsChanged>().Stalls);
    }

    [SkippableFact]
    public async Task A_strategy_decision_to_start_s47_enquiries_puts_a_childs_stalled_investigation_on_the_list()
    {
        RequireDatabase();
        var child = Child("Sian", "9434765870");
        var investigation = await _app.OpenAsync(child, Now.AddDays(-10));
        var concluded = new StrategyDiscussionConcluded
        {
            Discussion = new StrategyDiscussion { DiscussionId = "std_1", Decisions = new Decisions { S47Enquiry = true }, HeldAt = At(Now.AddDays(-9)) },
        };
        // This node's own discussion, shared with partners: wanted here as much as a partner's.
        var envelope = Envelopes.For(concluded, _app.ChildKey(child), NodeId, Agency.Police, _app.Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren);
        envelope.RecipientNodes.Add(PartnerNode);

        Assert.Equal("completed", (await _app.DeliverAsync(Topics.StrategyDiscussions, envelope)).Settlement);

        var stalled = Assert.Single((await Client.ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), _app.As())).Investigations);
        Assert.Equal((investigation.InvestigationId, "strategy decision: s47 enquiries (significant harm)"), (stalled.InvestigationId, stalled.HighRiskBecause.Single()));
    }

    [SkippableFact]
    public async Task Times_out_of_order_or_in_the_future_are_invalid_naming_the_field_and_nothing_is_stored()
    {
        RequireDatabase();
        var future = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.OpenAsync(Child("Ava"), Now.AddHours(1)));
        Assert.Equal(["opened_at"], RpcAssert.ViolatedFields(future));
        var investigation = await _app.OpenAsync(Child("Ava"), Now.AddDays(-5));
        var planned = await _app.PlanAsync(investigation.InvestigationId, StepKind.AbeInterview, Now.AddDays(-2), Now.AddDays(3));
        var stepId = planned.Steps.Single().StepId;

        var early = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Client.CompleteStepAsync(new CompleteStepRequest
        {
            InvestigationId = investigation.InvestigationId, StepId = stepId, IdempotencyKey = Key(), CompletedAt = At(Now.AddDays(-3)),
        }, _app.As()).ResponseAsync);
        Assert.Equal(["completed_at"], RpcAssert.ViolatedFields(early));
        var device = await _app.SeizeAsync(investigation.InvestigationId, Now.AddDays(-4));
        var unsubmitted = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.ProgressAsync(device.DeviceId, DeviceStage.Examined, Now.AddDays(-1)));
        Assert.Equal(["stage"], RpcAssert.ViolatedFields(unsubmitted));
        await _app.ProgressAsync(device.DeviceId, DeviceStage.Submitted, Now.AddDays(-2));
        var beforeSubmitted = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _app.ProgressAsync(device.DeviceId, DeviceStage.Examined, Now.AddDays(-3)));
        Assert.Equal(["at"], RpcAssert.ViolatedFields(beforeSubmitted));

        var read = await Client.GetInvestigationAsync(new GetInvestigationRequest { InvestigationId = investigation.InvestigationId }, _app.As());
        Assert.Null(read.Steps.Single().CompletedAt);
        Assert.Equal(DeviceStage.Submitted, read.Devices.Single().Stage);
    }

    [SkippableFact]
    public async Task A_retry_with_the_same_key_returns_the_same_investigation_and_the_key_with_another_body_is_refused()
    {
        RequireDatabase();
        var key = Key();
        var first = await _app.OpenAsync(Child("Bea"), Now.AddDays(-1), key);
        var retry = await _app.OpenAsync(Child("Bea"), Now.AddDays(-1), key);
        Assert.Equal(first.InvestigationId, retry.InvestigationId);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _app.OpenAsync(Child("Other"), Now.AddDays(-1), key));

        var review = new RecordSupervisoryReviewRequest
        {
            InvestigationId = first.InvestigationId, IdempotencyKey = Key(), Supervisor = "DS Reid", ReviewedAt = At(Now.AddHours(-1)),
            Reviewed = "Statement and phone download plan", FurtherEnquiries = { "Trace the Facebook account" }, NextReviewDue = At(Now.AddDays(14)),
        };
        await Client.RecordSupervisoryReviewAsync(review, _app.As());
        var again = await Client.RecordSupervisoryReviewAsync(review, _app.As());
        Assert.Single(again.Reviews);
        Assert.Equal(At(Now.AddDays(14)), again.NextReviewDue);
        review.IdempotencyKey = Key();
        review.NextReviewDue = At(Now.AddDays(60));
        Assert.Equal(["next_review_due"], RpcAssert.ViolatedFields(await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Client.RecordSupervisoryReviewAsync(review, _app.As()).ResponseAsync)));
    }

    [SkippableFact]
    public async Task Devices_queue_highest_priority_first_then_the_longest_waiting_and_the_backlog_counts_them()
    {
        RequireDatabase();
        var investigation = await _app.OpenAsync(Child("Cat"), Now.AddDays(-200));
        async Task<string> SubmittedAsync(int daysAgo, DevicePriority priority)
        {
            var device = await _app.SeizeAsync(investigation.InvestigationId, Now.AddDays(-daysAgo - 1), priority);
            await _app.ProgressAsync(device.DeviceId, DeviceStage.Submitted, Now.AddDays(-daysAgo));
            return device.DeviceId;
        }

        var oldLow = await SubmittedAsync(150, DevicePriority.Low);
        var newUrgent = await SubmittedAsync(3, DevicePriority.Urgent);
        var oldUrgent = await SubmittedAsync(40, DevicePriority.Urgent);
        var done = await SubmittedAsync(60, DevicePriority.High);
        await _app.ProgressAsync(done, DeviceStage.Examined, Now.AddDays(-1));

        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await Client.ListDeviceQueueAsync(new ListDeviceQueueRequest { Page = new PageRequest { PageSize = 1, PageToken = token } }, _app.As());
            ids.AddRange(page.Devices.Select(d => d.DeviceId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([oldUrgent, newUrgent, oldLow], ids);
        var backlog = await Client.GetDeviceBacklogAsync(new GetDeviceBacklogRequest { Weeks = 4 }, _app.As(roles: MashRoles.FiguresRead));
        Assert.Equal((3, 150.0, 40.0), (backlog.Waiting, backlog.OldestDays, backlog.MedianWaitDays));
        Assert.Equal(4, backlog.Trend.Count);
    }

    [SkippableFact]
    public async Task Files_waiting_on_the_prosecutor_past_the_threshold_are_listed_until_decided_further_work_keeps_them_waiting()
    {
        RequireDatabase();
        var investigation = await _app.OpenAsync(Child("Dee"), Now.AddDays(-200));
        var file = await Client.SendToProsecutorAsync(new SendToProsecutorRequest
        {
            InvestigationId = investigation.InvestigationId, IdempotencyKey = Key(), Category = ChargingRequestCategory.FullCodeTest, SentAt = At(Now.AddDays(-90)),
        }, _app.As());
        await Client.SendToProsecutorAsync(new SendToProsecutorRequest
        {
            InvestigationId = investigation.InvestigationId, IdempotencyKey = Key(), Category = ChargingRequestCategory.EarlyAdvice, SentAt = At(Now.AddDays(-5)),
        }, _app.As());
        await Client.RecordProsecutorResponseAsync(new RecordProsecutorResponseRequest
        {
            FileId = file.FileId, IdempotencyKey = Key(), At = At(Now.AddDays(-60)), FurtherWork = "Download the suspect's phone",
        }, _app.As());

        var waiting = await Client.ListChargingWaitsAsync(new ListChargingWaitsRequest(), _app.As());
        var listed = Assert.Single(waiting.Files);
        Assert.Equal((file.FileId, 90.0, true, 1), (listed.FileId, listed.WaitDays, listed.OverThreshold, listed.FurtherWork.Count));

        var decided = await Client.RecordProsecutorResponseAsync(new RecordProsecutorResponseRequest
        {
            FileId = file.FileId, IdempotencyKey = Key(), At = At(Now.AddDays(-1)), Decision = ChargingDecision.Charge,
        }, _app.As());
        Assert.Equal(89.0, decided.WaitDays);
        Assert.Empty((await Client.ListChargingWaitsAsync(new ListChargingWaitsRequest(), _app.As())).Files);
    }

    [SkippableFact]
    public async Task Audits_are_graded_by_quarter_against_every_criterion_and_the_board_sees_figures_but_never_a_childs_record()
    {
        RequireDatabase();
        var investigation = await _app.OpenAsync(Child("Eve"), Now.AddDays(-200));
        RecordCaseAuditRequest Audit(DateTime at, AuditGrade grade, bool metAll) => new()
        {
            InvestigationId = investigation.InvestigationId, IdempotencyKey = Key(), Auditor = "DCI Audit", AuditedAt = At(at), Grade = grade,
            Criteria = { Mash.Investigation.Domain.AreaInvestigationRules.DefaultAuditCriteria.Select((c, i) => new CriterionResult { Criterion = c, Met = metAll || i > 0 }) },
        };
        await Client.RecordCaseAuditAsync(Audit(Now.AddDays(-100), AuditGrade.Inadequate, metAll: false), _app.As());
        await Client.RecordCaseAuditAsync(Audit(Now.AddDays(-2), AuditGrade.Good, metAll: true), _app.As());
        await Client.RecordCaseAuditAsync(Audit(Now.AddDays(-1), AuditGrade.RequiresImprovement, metAll: false), _app.As());
        var partial = Audit(Now, AuditGrade.Good, metAll: true);
        partial.Criteria.RemoveAt(0);
        Assert.Equal(["criteria"], RpcAssert.ViolatedFields(await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Client.RecordCaseAuditAsync(partial, _app.As()).ResponseAsync)));

        var board = _app.As("partnership-board", AgencyNames.Police, MashRoles.FiguresRead);
        var results = await Client.GetAuditResultsAsync(new GetAuditResultsRequest { FromQuarter = "2026-Q3", ToQuarter = "2026-Q4" }, board);

        Assert.Equal(["2026-Q3", "2026-Q4"], results.Quarters.Select(q => q.Quarter));
        Assert.Equal((0, 0, 1), (results.Quarters[0].Good, results.Quarters[0].RequiresImprovement, results.Quarters[0].Inadequate));
        Assert.Equal((1, 1, 0), (results.Quarters[1].Good, results.Quarters[1].RequiresImprovement, results.Quarters[1].Inadequate));
        var firstCriterion = results.Quarters[1].Criteria.Single(c => c.Criterion == Mash.Investigation.Domain.AreaInvestigationRules.DefaultAuditCriteria[0]);
        Assert.Equal((1, 2), (firstCriterion.Met, firstCriterion.Assessed));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Client.GetInvestigationAsync(new GetInvestigationRequest { InvestigationId = investigation.InvestigationId }, board).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Client.ListStalledInvestigationsAsync(new ListStalledInvestigationsRequest(), board).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Client.GetAuditResultsAsync(new GetAuditResultsRequest { FromQuarter = "2026-Q4", ToQuarter = "2026-Q1" }, board).ResponseAsync);
    }

    [SkippableFact]
    public async Task Team_capacity_counts_open_investigations_per_team_and_officer_against_the_configured_capacity()
    {
        RequireDatabase();
        foreach (var (team, officer) in new[] { ("CSE team", "DC Ahmed"), ("CSE team", "DC Ahmed"), ("CSE team", "DC Brown"), ("", "") })
        {
            var opened = await _app.OpenAsync(Child("Fay"), Now.AddDays(-3));
            if (team.Length > 0)
            {
                await Client.AllocateInvestigationAsync(new AllocateInvestigationRequest
                {
                    InvestigationId = opened.InvestigationId, IdempotencyKey = Key(), Team = team, Officer = officer, AllocatedAt = At(Now.AddDays(-2)),
                }, _app.As());
            }
        }

        var capacity = await Client.GetTeamCapacityAsync(new GetTeamCapacityRequest(), _app.As(roles: MashRoles.FiguresRead));

        var cse = Assert.Single(capacity.Teams);
        Assert.Equal(("CSE team", 3, 2, true, 1), (cse.Team, cse.OpenInvestigations, cse.Capacity, cse.OverCapacity, capacity.Unallocated));
        Assert.Equal([("DC Ahmed", 2), ("DC Brown", 1)], cse.Officers.Select(o => (o.Officer, o.OpenInvestigations)));
    }

    [SkippableFact]
    public async Task The_investigations_part_of_the_partnerships_figures_for_a_seeded_period_has_the_known_answers()
    {
        RequireDatabase();
        var before = await _app.OpenAsync(Child("Old"), Now.AddDays(-200));
        var inPeriod = await _app.OpenAsync(Child("New"), Now.AddDays(-20));
        await _app.OpenAsync(Child("Newer"), Now.AddDays(-10));
        async Task<string> FileAsync(string investigationId, int sentDaysAgo, int? decidedDaysAgo)
        {
            var file = await Client.SendToProsecutorAsync(new SendToProsecutorRequest
            {
                InvestigationId = investigationId, IdempotencyKey = Key(), Category = ChargingRequestCategory.FullCodeTest, SentAt = At(Now.AddDays(-sentDaysAgo)),
            }, _app.As());
            if (decidedDaysAgo is { } days)
            {
                await Client.RecordProsecutorResponseAsync(new RecordProsecutorResponseRequest
                {
                    FileId = file.FileId, IdempotencyKey = Key(), At = At(Now.AddDays(-days)), Decision = ChargingDecision.Charge,
                }, _app.As());
            }

            return file.FileId;
        }

        await FileAsync(before.InvestigationId, 100, 90);  // decided in the period after 10 days
        await FileAsync(before.InvestigationId, 60, 30);   // after 30 days
        await FileAsync(before.InvestigationId, 150, 140); // decided before the period: not counted
        await FileAsync(before.InvestigationId, 90, null); // waiting 90 days: over the 28-day threshold
        var device = await _app.SeizeAsync(inPeriod.InvestigationId, Now.AddDays(-19));
        await _app.ProgressAsync(device.DeviceId, DeviceStage.Submitted, Now.AddDays(-18));

        var figures = await _app.Figures().GetFiguresAsync(new Contracts.Figures.V1.GetPartnershipFiguresRequest
        {
            From = At(Now.AddDays(-120)), To = At(Now.AddDays(1)),
        }, _app.AsBoard());

        var part = figures.Investigations;
        Assert.Equal(["investigation"], figures.Services);
        Assert.Equal((2, 2, 20.0, 1), (part.Opened, part.ChargingDecisions, part.ChargingMedianWaitDays, part.ChargingWaitingOverThreshold));
        Assert.Equal((1, 18.0), (part.Devices.Waiting, part.Devices.OldestDays));
        Assert.Equal(["2026-Q3", "2026-Q4"], part.Audits.Quarters.Select(q => q.Quarter));
        Assert.Null(figures.Referrals);
    }
}
