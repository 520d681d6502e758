using System.CommandLine;
using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>high-risk</c>: the children at high risk, for the MASH daily meeting, with why.</summary>
internal sealed class HighRiskCommand : ICliCommand
{
    private readonly PagingOptions _paging = new();

    public HighRiskCommand() => Definition = new Command("high-risk",
        "Children at high risk, for the MASH daily meeting, with the reasons [Assessment.Read].").With(_paging.All);

    public Command Definition { get; }

    public ListDailyHighRiskRequest Request(CommandContext context) => new() { Page = _paging.Request(context) };

    public async Task<int> RunAsync(CommandContext context)
    {
        var request = Request(context);
        return await PagedList.ShowAsync(
            context,
            request.Page,
            _paging.AllPages(context),
            options => context.Assessments.ListDailyHighRiskAsync(request, options).ResponseAsync,
            r => r.Children,
            RiskProfilePrinter.PrintHighRisk);
    }
}
