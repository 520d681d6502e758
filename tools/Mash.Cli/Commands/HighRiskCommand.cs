using Mash.Contracts.Assessment.V1;

namespace Mash.Cli;

/// <summary><c>high-risk</c>: the children at high risk, for the MASH daily meeting, with why.</summary>
internal sealed class HighRiskCommand : ICliCommand
{
    public string Name => "high-risk";

    public IReadOnlyList<string> Options => Paging.Names;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var request = new ListDailyHighRiskRequest { Page = Paging.From(args) };
        return await PagedList.ShowAsync(
            context,
            request.Page,
            Paging.All(args),
            options => context.Assessments.ListDailyHighRiskAsync(request, options).ResponseAsync,
            r => r.Children,
            RiskProfilePrinter.PrintHighRisk);
    }
}
