using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli;

/// <summary>
/// <c>list</c>: the referrals this node holds by due time: the screening queue with its backlog at the
/// front door, the referrer's copies with their outcome elsewhere (<c>--awaiting-outcome</c>: those to chase).
/// </summary>
internal sealed class ListCommand : ICliCommand
{
    public string Name => "list";

    public IReadOnlyList<string> Options => ["status", "rag", "role", "overdue", "awaiting-outcome", "page-size", "page-token", "all"];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListReferralsRequest { OverdueOnly = args.Has("overdue"), AwaitingOutcomeOnly = args.Has("awaiting-outcome") };
        request.Roles.AddRange(args.Values("role").Select(r => Choices.Parse("role", r, Choices.Roles)).Distinct());
        request.Statuses.AddRange(args.Values("status").Select(s => Choices.Parse("status", s, Choices.Statuses)).Distinct());
        request.Rags.AddRange(args.Values("rag").Select(r => Choices.Parse("rag", r, Choices.Rags)).Distinct());
        request.Page = new PageRequest
        {
            PageSize = args.IntValue("page-size", 1, 200) ?? 0,
            PageToken = args.Value("page-token") ?? "",
        };

        var all = args.Has("all");
        var result = await NextPageAsync(context, request);
        // --all follows next_page_token to the end and shows one merged answer; the backlog and
        // total come from the first page, as they describe the whole queue anyway.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (all && result.NextPageToken.Length > 0 && seen.Add(result.NextPageToken))
        {
            request.Page.PageToken = result.NextPageToken;
            var page = await NextPageAsync(context, request);
            result.Referrals.AddRange(page.Referrals);
            result.NextPageToken = page.NextPageToken;
        }

        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            QueuePrinter.Print(context.Out, result, all);
        }

        return 0;
    }

    private static async Task<ListReferralsResponse> NextPageAsync(CommandContext context, ListReferralsRequest request) =>
        await context.Referrals.ListReferralsAsync(request, await context.CallOptionsAsync());
}
