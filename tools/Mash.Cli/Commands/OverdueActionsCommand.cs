using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>overdue-actions</c>: safeguarding actions past their due time and initial child protection
/// conferences overdue, from the discussions this node held, oldest due first.
/// </summary>
internal sealed class OverdueActionsCommand : ICliCommand
{
    public string Name => "overdue-actions";

    public IReadOnlyList<string> Options => Paging.Names;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListOverdueActionsRequest { Page = Paging.From(args) };
        return await PagedList.ShowAsync(
            context,
            request.Page,
            Paging.All(args),
            options => context.Strategy.ListOverdueActionsAsync(request, options).ResponseAsync,
            r => r.Items,
            StrategyPrinter.PrintOverdueActions);
    }
}
