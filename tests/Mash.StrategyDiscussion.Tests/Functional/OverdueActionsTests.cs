using Grpc.Core;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>Who does what by when: actions past due and conferences past due, until done.</summary>
public sealed class OverdueActionsTests(StrategyApp app) : IClassFixture<StrategyApp>
{
    private async Task<List<OverdueItem>> OverdueOf(string discussionId) =>
        [.. (await app.Client().ListOverdueActionsAsync(new ListOverdueActionsRequest(), app.As())).Items.Where(i => i.DiscussionId == discussionId)];

    [Fact]
    public async Task An_action_past_due_is_listed_until_completed()
    {
        var child = Samples.Child();
        var concluded = await app.ConcludedAsync(child, s47: false, TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        var actions = concluded.Decisions.Actions;
        Assert.Empty(await OverdueOf(concluded.DiscussionId));

        app.Clock.Advance(TimeSpan.FromDays(3));
        var overdue = await OverdueOf(concluded.DiscussionId);
        Assert.Equal([actions[0].ActionId, actions[1].ActionId], overdue.Select(i => i.Action.ActionId));
        Assert.All(overdue, i => Assert.True(i.Action.Overdue));
        Assert.All(overdue, i => Assert.Equal(child, i.Child));

        var completed = await app.Client().CompleteActionAsync(new CompleteActionRequest { DiscussionId = concluded.DiscussionId, ActionId = actions[0].ActionId }, app.As());
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await app.Client().CompleteActionAsync(new CompleteActionRequest { DiscussionId = concluded.DiscussionId, ActionId = actions[0].ActionId }, app.As());

        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(-5).UtcDateTime, completed.Decisions.Actions[0].CompletedAt.ToDateTime());
        Assert.Equal(completed, again);
        Assert.False(again.Decisions.Actions[0].Overdue);
        Assert.Equal([actions[1].ActionId], (await OverdueOf(concluded.DiscussionId)).Select(i => i.Action.ActionId));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => app.Client().CompleteActionAsync(
            new CompleteActionRequest { DiscussionId = concluded.DiscussionId, ActionId = "act_missing" }, app.As()).ResponseAsync);
    }

    [Fact]
    public async Task A_conference_past_its_due_time_is_listed_after_the_actions_due_before_it()
    {
        var concluded = await app.ConcludedAsync(Samples.Child(), s47: true, TimeSpan.FromDays(1));
        app.Clock.SetUtcNow(concluded.ConferenceDueAt.ToDateTimeOffset().AddHours(1));

        var overdue = await OverdueOf(concluded.DiscussionId);

        Assert.Equal(2, overdue.Count);
        Assert.Equal(concluded.Decisions.Actions[0].ActionId, overdue[0].Action.ActionId);
        Assert.Null(overdue[1].Action);
        Assert.Equal(concluded.ConferenceDueAt, overdue[1].ConferenceDueAt);
    }
}
