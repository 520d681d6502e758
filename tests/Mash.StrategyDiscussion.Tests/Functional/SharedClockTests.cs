using Mash.Testing.Postgres;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing.Outbox;
using Mash.StrategyDiscussion.Tests.Support;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// A discussion required at one node is known at once to the nodes of the agencies that must attend:
/// this police node lists social care's discussions with their due time, and counts them overdue once
/// past due; and what this node requires reaches them the same way.
/// </summary>
public sealed class SharedClockTests() : SharedClockScenarios(new StrategyApp());

/// <summary>The same on PostgreSQL.</summary>
public sealed class SharedClockPostgreSqlTests() : SharedClockScenarios(PostgreSqlFixture.Require(new StrategyPostgreSqlApp()));

public abstract class SharedClockScenarios(StrategyApp app) : IDisposable
{
    private const string SocialCareNode = "worcestershire-social-care";
    private readonly StrategyApp _app = app;

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private StrategyDiscussionOutstanding Outstanding(TimeSpan dueIn, params Agency[] expected) => new()
    {
        Discussion = new Contracts.Strategy.V1.StrategyDiscussion
        {
            DiscussionId = "dsc_" + Guid.CreateVersion7().ToString("N"),
            Status = DiscussionStatus.Required,
            Trigger = DiscussionTrigger.ReferralDecision,
            Reason = "Referral decided for a strategy discussion.",
            RequiredAt = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow().AddHours(-1)),
            DueAt = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow() + dueIn),
            HeldByNode = SocialCareNode,
            HeldByAgency = Agency.ChildrenSocialCare,
            ChildMatch = ChildMatchStatus.Confirmed,
        },
        ExpectedAgencies = { expected },
    };

    private Task<RecordedDelivery> DeliverAsync(Google.Protobuf.IMessage payload, ChildIdentity child) =>
        _app.DeliverAsync(Mash.Platform.Eventing.Topics.StrategyDiscussions,
            Envelopes.For(payload, _app.ChildKey(child), SocialCareNode, Agency.ChildrenSocialCare, _app.Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren));

    private async Task<Contracts.Strategy.V1.StrategyDiscussion?> OutstandingHereAsync(string id) =>
        (await _app.Client().ListOutstandingAsync(new ListOutstandingRequest(), _app.As())).Discussions.SingleOrDefault(d => d.DiscussionId == id);

    private async Task<bool> OverdueHereAsync(string id) =>
        (await _app.Client().ListOverdueAsync(new ListOverdueRequest(), _app.As())).Discussions.Any(d => d.DiscussionId == id);

    [SkippableFact]
    public async Task A_discussion_required_at_social_care_is_listed_here_with_its_due_time_and_is_overdue_once_past_it()
    {
        var child = Samples.Child();
        // Police already have a discussion of their own open for the child: the partner's is listed beside it.
        var own = await _app.RequireAsync(child);
        var outstanding = Outstanding(TimeSpan.FromHours(3), Agency.Police, Agency.ChildrenSocialCare, Agency.Health);

        Assert.Equal("completed", (await DeliverAsync(outstanding, child)).Settlement);

        var listed = await OutstandingHereAsync(outstanding.Discussion.DiscussionId);
        Assert.NotNull(listed);
        Assert.Equal((SocialCareNode, Agency.ChildrenSocialCare), (listed.HeldByNode, listed.HeldByAgency));
        Assert.Equal(outstanding.Discussion.DueAt, listed.DueAt);
        Assert.Equal((DiscussionStatus.Required, false), (listed.Status, listed.Overdue));
        Assert.False(await OverdueHereAsync(listed.DiscussionId));
        Assert.Equal(2, (await _app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, _app.As())).Discussions.Count);

        _app.Clock.Advance(TimeSpan.FromHours(4));

        Assert.True(await OverdueHereAsync(listed.DiscussionId));
        Assert.True((await OutstandingHereAsync(listed.DiscussionId))!.Overdue);
        // Only the node that holds it can schedule or conclude it.
        await RpcAssert.FailsWith(global::Grpc.Core.StatusCode.FailedPrecondition, () => _app.Client().ScheduleDiscussionAsync(new ScheduleDiscussionRequest
        {
            DiscussionId = listed.DiscussionId,
            ScheduledFor = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow().AddHours(1)),
            Format = DiscussionFormat.Call,
        }, _app.As()).ResponseAsync);
        Assert.Equal(DiscussionStatus.Required, (await _app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = own.DiscussionId }, _app.As())).Status);
    }

    [SkippableFact]
    public async Task A_discussion_police_are_not_expected_at_is_not_kept()
    {
        var child = Samples.Child();
        var outstanding = Outstanding(TimeSpan.FromHours(3), Agency.ChildrenSocialCare, Agency.Health);

        Assert.Equal("completed", (await DeliverAsync(outstanding, child)).Settlement);

        Assert.Null(await OutstandingHereAsync(outstanding.Discussion.DiscussionId));
    }

    [SkippableFact]
    public async Task A_new_schedule_replaces_the_copy_and_the_conclusion_takes_it_off_the_lists()
    {
        var child = Samples.Child();
        var outstanding = Outstanding(TimeSpan.FromHours(3), Agency.Police, Agency.ChildrenSocialCare, Agency.Health);
        await DeliverAsync(outstanding, child);
        var discussion = outstanding.Discussion;
        discussion.Status = DiscussionStatus.Scheduled;
        discussion.ScheduledFor = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow().AddHours(2));
        discussion.Format = DiscussionFormat.Call;
        discussion.Participants.Add(Samples.Attended(Agency.Police, "DS Example", "Detective sergeant"));

        await DeliverAsync(outstanding, child);

        var scheduled = await OutstandingHereAsync(discussion.DiscussionId);
        Assert.Equal((DiscussionStatus.Scheduled, discussion.ScheduledFor), (scheduled!.Status, scheduled.ScheduledFor));
        Assert.Equal(discussion.Participants, scheduled.Participants);

        // Police could not take part after all: told that it was held, not what was decided.
        var heldAt = _app.Clock.GetUtcNow();
        discussion.Status = DiscussionStatus.Concluded;
        discussion.HeldAt = Timestamp.FromDateTimeOffset(heldAt);
        discussion.Decisions = Samples.Decisions(heldAt);
        discussion.Minutes = new Minutes { Text = "Single-agency enquiry.", DocumentReference = "LCS-9" };
        await DeliverAsync(new StrategyDiscussionConcluded { Discussion = discussion, ParticipatingAgencies = { Agency.ChildrenSocialCare, Agency.Health } }, child);

        Assert.Null(await OutstandingHereAsync(discussion.DiscussionId));
        var kept = await _app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = discussion.DiscussionId }, _app.As());
        Assert.Equal((DiscussionStatus.Concluded, discussion.HeldAt), (kept.Status, kept.HeldAt));
        Assert.Equal("", kept.Minutes.Text);
        Assert.Equal("", kept.Decisions.InformationShared);

        // A late outstanding update never reopens a concluded copy.
        discussion.Status = DiscussionStatus.Scheduled;
        discussion.HeldAt = null;
        await DeliverAsync(outstanding, child);
        Assert.Null(await OutstandingHereAsync(discussion.DiscussionId));
    }

    [SkippableFact]
    public async Task Requiring_and_scheduling_here_tells_the_agencies_that_must_attend_at_once()
    {
        var child = Samples.Child();

        var required = await _app.RequireAsync(child);
        await _app.Client().ScheduleDiscussionAsync(new ScheduleDiscussionRequest
        {
            DiscussionId = required.DiscussionId,
            ScheduledFor = Timestamp.FromDateTimeOffset(_app.Clock.GetUtcNow().AddHours(2)),
            Format = DiscussionFormat.Meeting,
            Invited = { new Participant { Agency = Agency.Education, Name = "Designated safeguarding lead", Role = "DSL" } },
        }, _app.As());

        var sent = (await _app.OutboxForAsync<StrategyDiscussionOutstanding>(child))
            .Select(m => EventEnvelope.Parser.ParseFrom(m.Envelope).Payload.Unpack<StrategyDiscussionOutstanding>()).ToList();
        Assert.Equal([DiscussionStatus.Required, DiscussionStatus.Scheduled], sent.Select(s => s.Discussion.Status));
        Assert.All(sent, s => Assert.Null(s.Discussion.Child));
        Assert.All(sent, s => Assert.Equal(required.DueAt, s.Discussion.DueAt));
        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health], sent[0].ExpectedAgencies);
        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health, Agency.Education], sent[1].ExpectedAgencies);
        // This node's risk profile learns of it each time, whatever is shared.
        var recorded = (await _app.OutboxForAsync<StrategyDiscussionRecorded>(child))
            .Select(m => EventEnvelope.Parser.ParseFrom(m.Envelope).Payload.Unpack<StrategyDiscussionRecorded>()).ToList();
        Assert.Equal([DiscussionStatus.Required, DiscussionStatus.Scheduled], recorded.Select(r => r.Status));
        Assert.All(recorded, r => Assert.Equal((required.DiscussionId, StrategyApp.NodeId), (r.DiscussionId, r.HeldByNode)));
        var disclosures = await _app.WithDbAsync(db => db.Set<DisclosureRecord>()
            .Where(d => d.ChildKey == _app.ChildKey(child) && d.What == StrategyDiscussionOutstanding.Descriptor.FullName).CountAsync());
        Assert.Equal(2, disclosures);
    }

    [SkippableFact]
    public async Task A_discussion_for_a_child_without_an_nhs_number_is_not_shared_and_the_decision_is_recorded()
    {
        var child = Samples.Child();
        child.NhsNumber = "";

        await _app.RequireAsync(child);

        Assert.Empty(await _app.OutboxForAsync<StrategyDiscussionOutstanding>(child));
        Assert.Single(await _app.OutboxForAsync<StrategyDiscussionRecorded>(child));
        var decision = await _app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.ChildKey == _app.ChildKey(child)));
        Assert.False(decision.Shared);
        Assert.Contains("unconfirmed", decision.Reason, StringComparison.Ordinal);
    }
}
