using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing.Inbox;
using Mash.StrategyDiscussion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>
/// A discussion becomes required by itself when this node's Assessment service suspects significant
/// harm or raises a high CSE risk, or its MASH decides a referral for a strategy discussion or
/// immediate protection (StrategyDiscussionTriggered, through the real consumer).
/// </summary>
public sealed class TriggeredDiscussionTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private static readonly DateTimeOffset ThursdayDue = StrategyApp.MondayMorning.AddDays(3);

    private async Task<List<Contracts.Strategy.V1.StrategyDiscussion>> DiscussionsOf(ChildIdentity child) =>
        [.. (await app.Client().ListDiscussionsAsync(new ListDiscussionsRequest { Child = new ChildIdentity { NhsNumber = child.NhsNumber } }, app.As())).Discussions];

    [Fact]
    public async Task A_trigger_makes_a_discussion_required_due_24_working_hours_later()
    {
        var child = Samples.Child();
        var trigger = Samples.Trigger(child, StrategyApp.MondayMorning);

        Assert.Equal("completed", (await app.DeliverTriggerAsync(trigger)).Settlement);

        var discussion = Assert.Single(await DiscussionsOf(child));
        Assert.StartsWith("dsc_", discussion.DiscussionId, StringComparison.Ordinal);
        Assert.Equal(DiscussionStatus.Required, discussion.Status);
        Assert.Equal(DiscussionTrigger.SignificantHarmSuspected, discussion.Trigger);
        Assert.Equal(trigger.Reason, discussion.Reason);
        Assert.Equal(child, discussion.Child);
        Assert.Equal(ChildMatchStatus.Confirmed, discussion.ChildMatch);
        Assert.Equal(StrategyApp.MondayMorning.UtcDateTime, discussion.RequiredAt.ToDateTime());
        Assert.Equal(ThursdayDue.UtcDateTime, discussion.DueAt.ToDateTime());
        Assert.Equal((StrategyApp.NodeId, Agency.Police), (discussion.HeldByNode, discussion.HeldByAgency));
        Assert.Empty(discussion.FollowsDiscussionId);
    }

    private static StrategyDiscussionTriggered ReferralDecision(ChildIdentity child, DateTimeOffset at, StrategyTrigger trigger, string? referralId = null)
    {
        var decision = Samples.Trigger(child, at, referralId ?? "ref_" + Guid.NewGuid().ToString("N"));
        decision.Trigger = trigger;
        decision.Reason = "";
        return decision;
    }

    [Fact]
    public async Task A_referral_decided_for_a_strategy_discussion_requires_one_naming_the_referral_due_by_the_areas_timescale()
    {
        var child = Samples.Child();
        var decision = ReferralDecision(child, StrategyApp.MondayMorning, StrategyTrigger.ReferralDecision);

        Assert.Equal("completed", (await app.DeliverTriggerAsync(decision)).Settlement);

        var discussion = Assert.Single(await DiscussionsOf(child));
        Assert.Equal(DiscussionTrigger.ReferralDecision, discussion.Trigger);
        Assert.Contains(decision.SourceId, discussion.Reason, StringComparison.Ordinal);
        Assert.Equal(ThursdayDue.UtcDateTime, discussion.DueAt.ToDateTime());
    }

    [Fact]
    public async Task Immediate_protection_on_a_friday_evening_requires_a_discussion_four_hours_later_not_after_the_weekend()
    {
        var child = Samples.Child();
        var fridayEvening = new DateTimeOffset(2026, 11, 27, 18, 30, 0, TimeSpan.Zero);

        await app.DeliverTriggerAsync(ReferralDecision(child, fridayEvening, StrategyTrigger.ImmediateProtection));

        var discussion = Assert.Single(await DiscussionsOf(child));
        Assert.Equal(DiscussionTrigger.ImmediateProtection, discussion.Trigger);
        Assert.Equal(fridayEvening.AddHours(4).UtcDateTime, discussion.DueAt.ToDateTime());
    }

    [Fact]
    public async Task Immediate_protection_brings_forward_a_discussion_already_required_for_the_child()
    {
        var child = Samples.Child();
        await app.DeliverTriggerAsync(Samples.Trigger(child, StrategyApp.MondayMorning));
        var protection = ReferralDecision(child, StrategyApp.MondayMorning.AddHours(1), StrategyTrigger.ImmediateProtection);

        await app.DeliverTriggerAsync(protection);

        var discussion = Assert.Single(await DiscussionsOf(child));
        Assert.Equal(DiscussionTrigger.SignificantHarmSuspected, discussion.Trigger);
        Assert.Equal(StrategyApp.MondayMorning.AddHours(5).UtcDateTime, discussion.DueAt.ToDateTime());
        Assert.Contains(protection.SourceId, discussion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_decision_delivered_several_times_requires_one_discussion()
    {
        var child = Samples.Child();
        var decision = ReferralDecision(child, StrategyApp.MondayMorning, StrategyTrigger.ReferralDecision);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("completed", (await app.DeliverTriggerAsync(decision)).Settlement);
        }

        Assert.Single(await DiscussionsOf(child));
        Assert.Equal(1, await app.WithDbAsync(db => db.Discussions.CountAsync(d => d.SourceId == decision.SourceId)));
    }

    [Fact]
    public async Task A_second_trigger_for_a_child_with_an_open_discussion_adds_none()
    {
        var child = Samples.Child();
        await app.DeliverTriggerAsync(Samples.Trigger(child, StrategyApp.MondayMorning));
        var cse = Samples.Trigger(child, StrategyApp.MondayMorning.AddHours(2));
        cse.Trigger = StrategyTrigger.HighCseRisk;
        cse.SourceId = "cse_" + Guid.NewGuid().ToString("N");

        var second = await app.DeliverTriggerAsync(cse);

        Assert.Equal("completed", second.Settlement);
        var discussion = Assert.Single(await DiscussionsOf(child));
        Assert.Equal(DiscussionTrigger.SignificantHarmSuspected, discussion.Trigger);
        Assert.True(await app.WithDbAsync(db => db.Set<ProcessedEvent>().AnyAsync(e => e.EventId == second.Message.MessageId)));
    }

    [Fact]
    public async Task The_same_assessment_delivered_again_under_another_event_id_requires_one_discussion()
    {
        var child = Samples.Child();
        var trigger = Samples.Trigger(child, StrategyApp.MondayMorning);
        await app.DeliverTriggerAsync(trigger);
        var discussion = Assert.Single(await DiscussionsOf(child));
        await app.AllAttendAsync(discussion.DiscussionId);
        await app.Client().ConcludeDiscussionAsync(Samples.Conclude(discussion.DiscussionId, Samples.Decisions(app.Clock.GetUtcNow())), app.As());

        // Concluded, so a new trigger would require another: the same source must not.
        await app.DeliverTriggerAsync(trigger);

        Assert.Single(await DiscussionsOf(child));
    }

    [Fact]
    public async Task A_trigger_without_its_source_is_dead_lettered()
    {
        var trigger = Samples.Trigger(Samples.Child(), StrategyApp.MondayMorning, sourceId: "");
        var delivery = await app.DeliverTriggerAsync(trigger);
        Assert.Equal(("dead-lettered", "IncompleteTrigger"), (delivery.Settlement, delivery.DeadLetterReason));
    }

    [Fact]
    public async Task Overdue_lists_every_discussion_not_held_in_time_oldest_due_first_with_child_and_reason()
    {
        var lastWeek = Samples.Child("Bea");
        var monday = Samples.Child("Cal");
        // Friday 20 Nov 10:00: due Wednesday 25 Nov 10:00; Monday 23 Nov 10:00: due Thursday 26 Nov 10:00.
        await app.DeliverTriggerAsync(Samples.Trigger(lastWeek, StrategyApp.MondayMorning.AddDays(-3)));
        await app.DeliverTriggerAsync(Samples.Trigger(monday, StrategyApp.MondayMorning));
        var ids = new[] { (await DiscussionsOf(lastWeek))[0].DiscussionId, (await DiscussionsOf(monday))[0].DiscussionId };
        Assert.DoesNotContain((await app.Client().ListOverdueAsync(new ListOverdueRequest(), app.As())).Discussions, d => ids.Contains(d.DiscussionId));

        app.Clock.SetUtcNow(ThursdayDue.AddMinutes(1));
        var overdue = await app.Client().ListOverdueAsync(new ListOverdueRequest(), app.As());

        var ours = overdue.Discussions.Where(d => ids.Contains(d.DiscussionId)).ToList();
        Assert.Equal(ids, ours.Select(d => d.DiscussionId));
        Assert.All(ours, d => Assert.True(d.Overdue));
        Assert.Equal([lastWeek, monday], ours.Select(d => d.Child));
        Assert.All(ours, d => Assert.NotEmpty(d.Reason));
        Assert.Equal(overdue.Discussions.Count, overdue.TotalOverdue);
        Assert.Equal(overdue.Discussions.OrderBy(d => d.DueAt.ToDateTime()).Select(d => d.DiscussionId), overdue.Discussions.Select(d => d.DiscussionId));

        // Paged one by one, the same list.
        var paged = new List<string>();
        var page = new PageRequest { PageSize = 1 };
        do
        {
            var response = await app.Client().ListOverdueAsync(new ListOverdueRequest { Page = page }, app.As());
            paged.AddRange(response.Discussions.Select(d => d.DiscussionId));
            page = new PageRequest { PageSize = 1, PageToken = response.NextPageToken };
        }
        while (page.PageToken.Length > 0);
        Assert.Equal(overdue.Discussions.Select(d => d.DiscussionId), paged);
    }
}
