using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary><c>--page-size</c>, <c>--page-token</c> and <c>--all</c> for the paged list commands.</summary>
internal static class Paging
{
    public static readonly IReadOnlyList<string> Names = ["page-size", "page-token", "all"];

    public static PageRequest From(Arguments args) => new()
    {
        PageSize = args.IntValue("page-size", 1, 200) ?? 0,
        PageToken = args.Value("page-token") ?? "",
    };

    /// <summary>
    /// One page, or with <paramref name="all"/> every page from there on merged into the first
    /// answer: <paramref name="append"/> adds a later page's items and takes its next token.
    /// A token seen twice ends the walk, so a misbehaving server cannot loop it forever.
    /// </summary>
    public static async Task<T> FetchAsync<T>(PageRequest page, bool all, Func<Task<T>> fetch, Func<T, string> nextToken, Action<T, T> append)
    {
        var result = await fetch();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (all && nextToken(result) is { Length: > 0 } token && seen.Add(token))
        {
            page.PageToken = token;
            append(result, await fetch());
        }

        return result;
    }
}
