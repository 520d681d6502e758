using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>overdue-actions</c>: safeguarding actions past their due time and initial child protection
/// conferences overdue, from the discussions this node held, oldest due first.
/// </summary>
internal sealed class OverdueActionsCommand : ICliCommand
{
    private readonly PagingOptions _paging = new();

    public OverdueActionsCommand() => Definition = new Command("overdue-actions",
        "Safeguarding actions past due and initial child protection conferences overdue, from discussions held here, "
        + "oldest first [Strategy.Read].").With(_paging.All);

    public Command Definition { get; }

    public ListOverdueActionsRequest Request(CommandContext context) => new() { Page = _paging.Request(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            _paging.AllPages(context),
            options => context.Strategy.ListOverdueActionsAsync(request, options).ResponseAsync,
            r => r.Items,
            StrategyPrinter.PrintOverdueActions);
    }
}
