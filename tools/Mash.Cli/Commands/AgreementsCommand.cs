using System.CommandLine;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary><c>agreements</c>: the node's information-sharing agreements.</summary>
internal sealed class AgreementsCommand : ICliCommand
{
    private readonly Option<bool> _endingSoon = new("--ending-soon") { Description = "Only agreements ending within the warning period (30 days)." };
    private readonly PagingOptions _paging = new();

    public AgreementsCommand() => Definition = new Command("agreements",
        "The node's information-sharing agreements: partner, categories, lawful basis, dates, and the services holding each [Governance.Read].")
        .With([_endingSoon]).With(_paging.All);

    public Command Definition { get; }

    public ListAgreementsRequest Request(CommandContext context) => new() { EndingSoonOnly = context.Parse.GetValue(_endingSoon), Page = _paging.Request(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(context, request.Page, _paging.AllPages(context),
            options => context.Governance.ListAgreementsAsync(request, options).ResponseAsync,
            r => r.Agreements,
            (output, answer, _) => GovernancePrinter.PrintAgreements(output, answer));
    }
}
