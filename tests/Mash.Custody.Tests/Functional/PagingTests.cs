using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Tests.Support;

namespace Mash.Custody.Tests.Functional;

/// <summary>The lists page without losing or repeating anyone, in the order each reader works them.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly CustodyApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Children_in_custody_page_longest_held_first_and_all_detentions_newest_first()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _app.OpenAsync(CustodyApp.Child("Page" + i, new DateOnly(2011, 1, 1 + i)), _app.Now.AddHours(-10 + i))).DetentionId);
        }

        await _app.ReleaseAsync(ids[1], _app.Now.AddMinutes(-5), ReleaseOutcome.Released);

        Assert.Equal([ids[0], ids[2], ids[3], ids[4]], await PagesAsync(inCustodyOnly: true));
        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], await PagesAsync(inCustodyOnly: false));
    }

    private async Task<List<string>> PagesAsync(bool inCustodyOnly)
    {
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _app.Client().ListDetentionsAsync(new ListDetentionsRequest { InCustodyOnly = inCustodyOnly, Page = new PageRequest { PageSize = 2, PageToken = token } }, _app.As());
            seen.AddRange(page.Detentions.Select(d => d.DetentionId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return seen;
    }
}
