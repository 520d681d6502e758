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
        var all = args.Has("all");
        var result = await Paging.FetchAsync(
            request.Page,
            all,
            async () => await context.Assessments.ListDailyHighRiskAsync(request, await context.CallOptionsAsync()),
            r => r.NextPageToken,
            (first, next) =>
            {
                first.Children.AddRange(next.Children);
                first.NextPageToken = next.NextPageToken;
            });

        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, result);
        }
        else
        {
            RiskProfilePrinter.PrintHighRisk(context.Out, result, all);
        }

        return 0;
    }
}
