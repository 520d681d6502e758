using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Functional;

/// <summary>The two lists the contract promises: every discussion not yet held, and those of them past due.</summary>
public sealed class OutstandingDiscussionTests : IDisposable
{
    private readonly StrategyApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Outstanding_lists_every_discussion_not_yet_held_with_its_due_time_and_overdue_only_those_past_it()
    {
        // Friday 20 Nov 10:00: due Wednesday 25 Nov 10:00; Monday 23 Nov 10:00: due Thursday 26 Nov 10:00.
        await _app.DeliverTriggerAsync(Samples.Trigger(Samples.Child("Bea"), StrategyApp.MondayMorning.AddDays(-3)));
        await _app.DeliverTriggerAsync(Samples.Trigger(Samples.Child("Cal"), StrategyApp.MondayMorning));
        var held = await _app.ConcludedAsync(Samples.Child("Dee"));
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        var outstanding = await _app.Client().ListOutstandingAsync(new ListOutstandingRequest(), _app.As());
        var overdue = await _app.Client().ListOverdueAsync(new ListOverdueRequest(), _app.As());

        Assert.Equal(["Bea", "Cal"], outstanding.Discussions.Select(d => d.Child.GivenName));
        Assert.DoesNotContain(outstanding.Discussions, d => d.DiscussionId == held.DiscussionId);
        Assert.Equal([true, false], outstanding.Discussions.Select(d => d.Overdue));
        Assert.All(outstanding.Discussions, d => Assert.NotNull(d.DueAt));
        Assert.Equal((2, 1), (outstanding.TotalOutstanding, outstanding.TotalOverdue));
        Assert.Equal(["Bea"], overdue.Discussions.Select(d => d.Child.GivenName));
        Assert.Equal(1, overdue.TotalOverdue);
    }

    [Fact]
    public async Task Outstanding_pages_in_due_order()
    {
        foreach (var (name, days) in new[] { ("Ann", -5), ("Bo", -4), ("Cy", -3) }) // Wednesday to Friday: three due times
        {
            await _app.DeliverTriggerAsync(Samples.Trigger(Samples.Child(name), StrategyApp.MondayMorning.AddDays(days)));
        }

        var names = new List<string>();
        var page = new PageRequest { PageSize = 2 };
        do
        {
            var response = await _app.Client().ListOutstandingAsync(new ListOutstandingRequest { Page = page }, _app.As());
            Assert.Equal(3, response.TotalOutstanding);
            names.AddRange(response.Discussions.Select(d => d.Child.GivenName));
            page = new PageRequest { PageSize = 2, PageToken = response.NextPageToken };
        }
        while (page.PageToken.Length > 0);

        Assert.Equal(["Ann", "Bo", "Cy"], names);
    }
}
