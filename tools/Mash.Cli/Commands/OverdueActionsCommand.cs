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
        var all = args.Has("all");
        var result = await Paging.FetchAsync(
            request.Page,
            all,
            async () => await context.Strategy.ListOverdueActionsAsync(request, await context.CallOptionsAsync()),
            r => r.NextPageToken,
            (first, next) =>
            {
                first.Items.AddRange(next.Items);
                first.NextPageToken = next.NextPageToken;
            });

        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            StrategyPrinter.PrintOverdueActions(context.Out, result, all);
        }

        return 0;
    }
}
