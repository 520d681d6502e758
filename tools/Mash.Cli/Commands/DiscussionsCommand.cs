using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>discussions</c>: a child's strategy discussions (held here or shared by partner nodes), or all
/// of them, latest required first; optionally by status.
/// </summary>
internal sealed class DiscussionsCommand : ICliCommand
{
    public string Name => "discussions";

    public IReadOnlyList<string> Options => [.. ChildOptions.Names, "status", .. Paging.Names];

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListDiscussionsRequest { Page = Paging.From(args) };
        if (ChildOptions.Names.Any(args.Has))
        {
            // Without an NHS number the service matches on name and date of birth, and says what is missing.
            request.Child = ChildOptions.From(args, requireNhs: false);
        }

        request.Statuses.AddRange(args.Values("status").Select(s => Choices.Parse("status", s, Choices.DiscussionStatuses)).Distinct());

        return await PagedList.ShowAsync(
            context,
            request.Page,
            Paging.All(args),
            options => context.Strategy.ListDiscussionsAsync(request, options).ResponseAsync,
            r => r.Discussions,
            StrategyPrinter.PrintList);
    }
}
