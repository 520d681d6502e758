using System.CommandLine;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary><c>disclosures</c>: what this node shared, with whom and under which agreement, and each decision not to share.</summary>
internal sealed class DisclosuresCommand : ICliCommand
{
    private readonly ChildOptions _child = new(requireNhs: false);
    private readonly PagingOptions _paging = new();

    public DisclosuresCommand() => Definition = new Command("disclosures",
        "What this node shared (for one child with --nhs, else every child), newest first: recipient, agreement, lawful basis, "
        + "receipts, and every decision not to share with its reason [Governance.Read].").With(_child.All).With(_paging.All);

    public Command Definition { get; }

    public ListDisclosuresRequest Request(CommandContext context) => new()
    {
        Child = _child.AnyGiven(context) ? _child.From(context) : null,
        Page = _paging.Request(context),
    };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(context, request.Page, _paging.AllPages(context),
            options => context.Governance.ListDisclosuresAsync(request, options).ResponseAsync,
            r => r.Disclosures,
            (output, answer, _) => GovernancePrinter.PrintDisclosures(output, answer));
    }
}
