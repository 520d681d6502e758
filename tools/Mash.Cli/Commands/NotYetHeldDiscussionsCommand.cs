using System.CommandLine;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>outstanding-discussions</c>: every required discussion not yet held, due first, with the totals;
/// <c>overdue-discussions</c>: those of them not held in time.
/// </summary>
internal sealed class NotYetHeldDiscussionsCommand : ICliCommand
{
    private readonly bool _pastDueOnly;
    private readonly PagingOptions _paging = new();

    public NotYetHeldDiscussionsCommand(bool pastDueOnly)
    {
        _pastDueOnly = pastDueOnly;
        Definition = (pastDueOnly
            ? new Command("overdue-discussions",
                "Required discussions not held in time, oldest due first, with the child, the reason and the total [Strategy.Read].")
            : new Command("outstanding-discussions",
                "Every required discussion not yet held, due first, with the child, the reason, its due time and the totals "
                + "(how many are overdue) [Strategy.Read].")).With(_paging.All);
    }

    public Command Definition { get; }

    public PageRequest Request(CommandContext context) => _paging.Request(context);

    public async Task<int> RunAsync(CommandContext context)
    {
        var page = Request(context);
        return await PagedList.ShowAsync(
            context,
            page,
            _paging.AllPages(context),
            options => ListAsync(context, page, options),
            r => r.Discussions,
            (output, result, allPages) => StrategyPrinter.PrintNotYetHeld(output, result, _pastDueOnly, allPages));
    }

    /// <summary>One page, as the outstanding list's shape (the overdue list is the same with every one past due).</summary>
    private async Task<ListOutstandingResponse> ListAsync(CommandContext context, PageRequest page, CallOptions options)
    {
        if (!_pastDueOnly)
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
