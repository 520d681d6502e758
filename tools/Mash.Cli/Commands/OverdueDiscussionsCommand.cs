using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary><c>overdue-discussions</c>: every required discussion not held in time, oldest first, with the total.</summary>
internal sealed class OverdueDiscussionsCommand : ICliCommand
{
    public string Name => "overdue-discussions";

    public IReadOnlyList<string> Options => Paging.Names;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListOverdueRequest { Page = Paging.From(args) };
        var all = args.Has("all");
        // The total comes from the first page: it counts the whole list anyway.
        var result = await Paging.FetchAsync(
            request.Page,
            all,
            async () => await context.Strategy.ListOverdueAsync(request, await context.CallOptionsAsync()),
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
            StrategyPrinter.PrintOverdue(context.Out, result, all);
        }

        return 0;
    }
}
