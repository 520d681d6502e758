using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Mash.Contracts.Common.V1;

namespace Mash.Cli;

/// <summary>
/// What every list command does with its answer: one page, or with <c>--all</c> every page from
/// there on merged into the first answer, then printed as JSON or as text. Counts and totals come
/// from the first page: they describe the whole list anyway.
/// </summary>
internal static class PagedList
{
    /// <param name="page">The request's page, whose token is moved on for each further page.</param>
    /// <param name="fetchPage">One call for the request as it stands, with the options it is given.</param>
    /// <param name="items">The answer's repeated items, which later pages are appended to.</param>
    /// <param name="print">The text form; its flag says whether every page was fetched.</param>
    public static async Task<int> ShowAsync<TResponse, TItem>(
        CommandContext context,
        PageRequest page,
        bool allPages,
        Func<CallOptions, Task<TResponse>> fetchPage,
        Func<TResponse, RepeatedField<TItem>> items,
        Action<TextWriter, TResponse, bool> print)
        where TResponse : IMessage
    {
        var result = await FetchAsync(page, allPages, async () => await fetchPage(await context.CallOptionsAsync()), items);
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            print(context.Out, result, allPages);
        }

        return 0;
    }

    /// <summary>
    /// The first page, then with <paramref name="allPages"/> each next one appended to it, the
    /// merged answer taking the last page's next_page_token. A token seen twice ends the walk, so
    /// a misbehaving server cannot loop it forever.
    /// </summary>
    public static async Task<TResponse> FetchAsync<TResponse, TItem>(
        PageRequest page, bool allPages, Func<Task<TResponse>> fetchPage, Func<TResponse, RepeatedField<TItem>> items)
        where TResponse : IMessage
    {
        var result = await fetchPage();
        // Every paged answer in the contract names its token next_page_token; the generated
        // classes share no interface for it, so it is reached through the message descriptor.
        var nextPageToken = result.Descriptor.FindFieldByName("next_page_token")
            ?? throw new ArgumentException($"{result.Descriptor.FullName} is not a paged answer (no next_page_token)", nameof(fetchPage));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (allPages && nextPageToken.Accessor.GetValue(result) is string { Length: > 0 } token && seen.Add(token))
        {
            page.PageToken = token;
            var next = await fetchPage();
            items(result).AddRange(items(next));
            nextPageToken.Accessor.SetValue(result, nextPageToken.Accessor.GetValue(next));
        }

        return result;
    }
}
