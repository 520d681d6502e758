using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli.Tests;

/// <summary>The one fetch-every-page helper the list commands share.</summary>
public sealed class PagedListTests
{
    [Fact]
    public async Task Without_all_only_the_first_page_is_fetched_and_its_token_kept()
    {
        var server = new PagedServer("a", "b", "c");

        var result = await PagedList.FetchAsync(server.Page, allPages: false, server.NextAsync, r => r.Discussions);

        Assert.Equal(["dsc_a"], result.Discussions.Select(d => d.DiscussionId));
        Assert.Equal("b", result.NextPageToken);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task With_all_every_later_page_is_appended_to_the_first()
    {
        var server = new PagedServer("a", "b", "c");

        var result = await PagedList.FetchAsync(server.Page, allPages: true, server.NextAsync, r => r.Discussions);

        Assert.Equal(["dsc_a", "dsc_b", "dsc_c"], result.Discussions.Select(d => d.DiscussionId));
        Assert.Equal("", result.NextPageToken);
        Assert.Equal(3, server.Calls);
    }

    [Fact]
    public async Task A_token_seen_twice_ends_the_walk()
    {
        var server = new PagedServer("a", "b") { Looping = true };

        var result = await PagedList.FetchAsync(server.Page, allPages: true, server.NextAsync, r => r.Discussions);

        Assert.Equal(3, server.Calls);
        Assert.Equal(3, result.Discussions.Count);
    }

    /// <summary>Pages of one discussion each; the request's page token says which page is asked for.</summary>
    private sealed class PagedServer(params string[] pages)
    {
        public PageRequest Page { get; } = new();

        public int Calls { get; private set; }

        /// <summary>The last page points back at the first instead of ending.</summary>
        public bool Looping { get; init; }

        public Task<ListDiscussionsResponse> NextAsync()
        {
            Calls++;
            var index = Page.PageToken.Length == 0 ? 0 : Array.IndexOf(pages, Page.PageToken);
            var next = index + 1 < pages.Length ? pages[index + 1] : Looping ? pages[0] : "";
            return Task.FromResult(new ListDiscussionsResponse
            {
                Discussions = { new StrategyDiscussion { DiscussionId = "dsc_" + pages[index] } },
                NextPageToken = next,
            });
        }
    }
}
