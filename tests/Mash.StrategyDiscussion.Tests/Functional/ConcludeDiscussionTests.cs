using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.StrategyDiscussion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>Scheduled, attended, concluded with its decisions and minutes, and shared with the agencies that took part.</summary>
public sealed class ConcludeDiscussionTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private static readonly Participant SocialWorker = Samples.Attended(Agency.ChildrenSocialCare, "A. Worker", "Social worker");
    private static readonly Participant TeamManager = Samples.Attended(Agency.ChildrenSocialCare, "E. Manager", "Team manager");
    private static readonly Participant Detective = Samples.Attended(Agency.Police, "DS Example", "Detective sergeant");

    private static Participant Invited(Participant participant) => new(participant) { Attended = false };

    private async Task<Contracts.Strategy.V1.StrategyDiscussion> ScheduledAsync(ChildIdentity child)
    {
        var required = await app.RequireAsync(child);
        return await app.Client().ScheduleDiscussionAsync(new ScheduleDiscussionRequest
        {
            DiscussionId = required.DiscussionId,
            ScheduledFor = Timestamp.FromDateTimeOffset(app.Clock.GetUtcNow().AddHours(3)),
            Format = DiscussionFormat.Meeting,
            Invited = { new[] { SocialWorker, TeamManager, Detective }.Select(Invited), new Participant { Agency = Agency.Health, Name = "C. Nurse", Role = "Designated nurse" } },
        }, app.As());
    }

    [Fact]
    public async Task Without_health_represented_or_excused_the_discussion_cannot_be_concluded()
    {
        var child = Samples.Child();
        var scheduled = await ScheduledAsync(child);
        Assert.Equal((DiscussionStatus.Scheduled, DiscussionFormat.Meeting, 4), (scheduled.Status, scheduled.Format, scheduled.Participants.Count));
        await app.AttendAsync(scheduled.DiscussionId, SocialWorker, TeamManager, Detective);

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().ConcludeDiscussionAsync(
            Samples.Conclude(scheduled.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow())), app.As()).ResponseAsync);

        Assert.EndsWith("Not represented: health.", refused.Status.Detail, StringComparison.Ordinal);
        var stored = await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = scheduled.DiscussionId }, app.As());
        Assert.Equal(DiscussionStatus.Scheduled, stored.Status);
        Assert.Null(stored.Decisions);
        Assert.Empty(await app.OutboxForAsync<StrategyDiscussionConcluded>(child));
    }

    [Fact]
    public async Task With_health_excused_it_is_concluded_and_shared_without_the_childs_identity()
    {
        var child = Samples.Child();
        var scheduled = await ScheduledAsync(child);
        await app.AttendAsync(scheduled.DiscussionId, SocialWorker, TeamManager, Detective, Samples.Excused(Agency.Health));
        var now = app.Clock.GetUtcNow();

        var concluded = await app.Client().ConcludeDiscussionAsync(
            Samples.Conclude(scheduled.DiscussionId, Samples.Decisions(now, actionsDueAfter: TimeSpan.FromDays(1))), app.As());

        Assert.Equal(DiscussionStatus.Concluded, concluded.Status);
        Assert.Equal(now.UtcDateTime, concluded.HeldAt.ToDateTime());
        Assert.Null(concluded.ConferenceDueAt);
        Assert.False(concluded.Overdue);
        var action = Assert.Single(concluded.Decisions.Actions);
        Assert.StartsWith("act_", action.ActionId, StringComparison.Ordinal);
        Assert.Equal("Agreed a joint s47 enquiry and an ABE interview.", concluded.Minutes.Text);

        var message = Assert.Single(await app.OutboxForAsync<StrategyDiscussionConcluded>(child));
        Assert.Equal(Topics.StrategyDiscussions, message.Topic);
        var envelope = EventEnvelope.Parser.ParseFrom(message.Envelope);
        Assert.Equal((LawfulBasis.PublicTask, StrategyApp.Purpose, app.ChildKey(child)), (envelope.LawfulBasis, envelope.Purpose, envelope.ChildKey));
        var shared = envelope.Payload.Unpack<StrategyDiscussionConcluded>();
        Assert.Null(shared.Discussion.Child);
        Assert.Equal(concluded.Decisions, shared.Discussion.Decisions);
        Assert.Equal(concluded.Minutes, shared.Discussion.Minutes);
        Assert.Equal(concluded.Participants, shared.Discussion.Participants);
        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health], shared.ParticipatingAgencies);

        var disclosure = await app.WithDbAsync(db => db.Set<DisclosureRecord>().SingleAsync(d => d.ChildKey == app.ChildKey(child) && d.EventId == envelope.EventId));
        Assert.Equal((true, envelope.EventId, StrategyDiscussionConcluded.Descriptor.FullName), (disclosure.Shared, disclosure.EventId, disclosure.What));
    }

    [Fact]
    public async Task An_s47_enquiry_sets_the_conference_due_15_working_days_after_the_discussion()
    {
        var concluded = await app.ConcludedAsync(Samples.Child(), s47: true);
        // Monday 23 Nov 2026 10:00: 15 working days later is Monday 14 Dec at 10:00.
        Assert.Equal(new DateTime(2026, 12, 14, 10, 0, 0, DateTimeKind.Utc), concluded.ConferenceDueAt.ToDateTime());
    }

    [Fact]
    public async Task Concluding_again_with_the_same_content_returns_it_and_with_other_content_is_refused()
    {
        var child = Samples.Child();
        var required = await app.RequireAsync(child);
        await app.AllAttendAsync(required.DiscussionId);
        var request = Samples.Conclude(required.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow(), actionsDueAfter: TimeSpan.FromDays(2)));
        var first = await app.Client().ConcludeDiscussionAsync(request, app.As());

        var again = await app.Client().ConcludeDiscussionAsync(request, app.As());
        request.Minutes.Text = "Other minutes.";
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().ConcludeDiscussionAsync(request, app.As()).ResponseAsync);

        Assert.Equal(first, again);
        Assert.Single(await app.OutboxForAsync<StrategyDiscussionConcluded>(child));
    }

    [Fact]
    public async Task Every_missing_decision_is_named_and_nothing_is_stored()
    {
        var child = Samples.Child();
        var required = await app.RequireAsync(child);
        await app.AllAttendAsync(required.DiscussionId);
        var request = Samples.Conclude(required.DiscussionId, new Decisions { Actions = { new SafeguardingAction { Description = "Visit" } } });
        request.Minutes = null;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client().ConcludeDiscussionAsync(request, app.As()).ResponseAsync);

        Assert.Equal(
            ["decisions.information_shared", "decisions.criminal_investigation.kind", "decisions.what_the_family_is_told",
             "decisions.parental_permission_not_sought_reason", "decisions.actions[0].owning_agency", "decisions.actions[0].due_at", "minutes.text"],
            RpcAssert.ViolatedFields(error));
        Assert.Equal(DiscussionStatus.Required, (await app.Client().GetDiscussionAsync(new GetDiscussionRequest { DiscussionId = required.DiscussionId }, app.As())).Status);
        Assert.Empty(await app.OutboxForAsync<StrategyDiscussionConcluded>(child));
    }

    [Fact]
    public async Task A_discussion_held_after_its_due_time_is_concluded_and_stays_visibly_late()
    {
        var child = Samples.Child();
        await app.DeliverTriggerAsync(Samples.Trigger(child, app.Clock.GetUtcNow().AddDays(-7)));
        var required = (await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = child }, app.As())).Discussions.Single();
        Assert.True(required.Overdue);
        await app.AllAttendAsync(required.DiscussionId);

        var concluded = await app.Client().ConcludeDiscussionAsync(Samples.Conclude(required.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow())), app.As());

        Assert.False(concluded.Overdue);
        Assert.True(concluded.HeldAt.ToDateTime() > concluded.DueAt.ToDateTime());
    }

    [Fact]
    public async Task Attendance_replaces_the_list_and_an_absence_needs_a_reason()
    {
        var scheduled = await ScheduledAsync(Samples.Child());
        var attended = await app.AttendAsync(scheduled.DiscussionId, SocialWorker, Detective);
        Assert.Equal([SocialWorker, Detective], attended.Participants);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => app.AttendAsync(scheduled.DiscussionId,
            new Participant { Agency = Agency.Health, Name = "C. Nurse", Role = "Designated nurse" }));
        Assert.Equal(["participants[0].absence_reason"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task A_concluded_discussion_can_no_longer_be_scheduled()
    {
        var concluded = await app.ConcludedAsync(Samples.Child());
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client().ScheduleDiscussionAsync(new ScheduleDiscussionRequest
        {
            DiscussionId = concluded.DiscussionId,
            ScheduledFor = Timestamp.FromDateTimeOffset(app.Clock.GetUtcNow().AddDays(1)),
            Format = DiscussionFormat.Call,
        }, app.As()).ResponseAsync);
    }
}
