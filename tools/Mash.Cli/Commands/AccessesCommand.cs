using System.CommandLine;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary><c>accesses</c>: who accessed a child's records at this node, and partners' reads of what it shared.</summary>
internal sealed class AccessesCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: false);
    private readonly PagingOptions _paging = new();

    public AccessesCommand() => Definition = new Command("accesses",
        "Every access to a child's records at this node's services, and partner nodes' reads of what this node shared, "
        + "newest first [Governance.Read].").With(_child.All).With(_paging.All);

    public Command Definition { get; }

    public ListChildAccessesRequest Request(CommandContext context) => new() { Child = _child.From(context), Page = _paging.Request(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(context, request.Page, _paging.AllPages(context),
            options => context.Governance.ListChildAccessesAsync(request, options).ResponseAsync,
            r => r.Accesses,
            (output, answer, _) => GovernancePrinter.PrintAccesses(output, answer));
    }
}
