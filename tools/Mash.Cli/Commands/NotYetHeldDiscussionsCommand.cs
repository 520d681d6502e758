using Grpc.Core;
using Mash.Contracts.Common.V1;
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
        return await PagedList.ShowAsync(
            context,
            page,
            Paging.All(args),
            options => ListAsync(context, page, options),
            r => r.Discussions,
            (output, result, allPages) => StrategyPrinter.PrintNotYetHeld(output, result, pastDueOnly, allPages));
    }

    /// <summary>One page, as the outstanding list's shape (the overdue list is the same with every one past due).</summary>
    private async Task<ListOutstandingResponse> ListAsync(CommandContext context, PageRequest page, CallOptions options)
    {
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
