using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>outstanding-discussions</c>: every required discussion not yet held, due first, with the totals;
/// <c>overdue-discussions</c>: those of them not held in time.
/// </summary>
internal sealed class NotYetHeldDiscussionsCommand(bool pastDueOnly) : ICliCommand
{
    public string Name => pastDueOnly ? "overdue-discussions" : "outstanding-discussions";

    public IReadOnlyList<string> Options => Paging.Names;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var page = Paging.From(args);
        var all = args.Has("all");
        // The totals come from the first page: they count the whole list anyway.
        var result = await Paging.FetchAsync(
            page,
            all,
            async () => await ListAsync(context, page),
            r => r.NextPageToken,
            (first, next) =>
            {
                first.Discussions.AddRange(next.Discussions);
                first.NextPageToken = next.NextPageToken;
            });

        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            StrategyPrinter.PrintNotYetHeld(context.Out, result, pastDueOnly, all);
        }

        return 0;
    }

    /// <summary>One page, as the outstanding list's shape (the overdue list is the same with every one past due).</summary>
    private async Task<ListOutstandingResponse> ListAsync(CommandContext context, Mash.Contracts.Common.V1.PageRequest page)
    {
        var options = await context.CallOptionsAsync();
        if (!pastDueOnly)
        {
            return await context.Strategy.ListOutstandingAsync(new ListOutstandingRequest { Page = page }, options);
        }

        var overdue = await context.Strategy.ListOverdueAsync(new ListOverdueRequest { Page = page }, options);
        return new ListOutstandingResponse
        {
            Discussions = { overdue.Discussions },
            NextPageToken = overdue.NextPageToken,
            TotalOutstanding = overdue.TotalOverdue,
            TotalOverdue = overdue.TotalOverdue,
        };
    }
}
