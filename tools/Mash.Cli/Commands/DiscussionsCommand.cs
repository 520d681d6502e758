using System.CommandLine;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli;

/// <summary>
/// <c>discussions</c>: a child's strategy discussions (held here or shared by partner nodes), or all
/// of them, latest required first; optionally by status.
/// </summary>
internal sealed class DiscussionsCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: false);
    private readonly Option<IReadOnlyList<DiscussionStatus>> _status = CliOptions.ChoiceList("--status", Choices.DiscussionStatuses,
        "Only discussions with this status; may be repeated or comma-separated.");
    private readonly PagingOptions _paging = new();

    public DiscussionsCommand() => Definition = new Command("discussions",
        "A child's strategy discussions, held here or shared by partner nodes, or all of them, latest required first "
        + "[Strategy.Read].")
        .With(_child.All).With([_status]).With(_paging.All);

    public Command Definition { get; }

    public ListDiscussionsRequest Request(CommandContext context)
    {
        var request = new ListDiscussionsRequest { Page = _paging.Request(context) };
        if (_child.AnyGiven(context))
        {
            // Without an NHS number the service matches on name and date of birth, and says what is missing.
            request.Child = _child.From(context);
        }

        request.Statuses.AddRange(context.Values(_status));
        return request;
    }

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            _paging.AllPages(context),
            options => context.Strategy.ListDiscussionsAsync(request, options).ResponseAsync,
            r => r.Discussions,
            StrategyPrinter.PrintList);
    }
}
