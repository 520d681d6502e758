using Mash.Contracts.Figures.V1;
using Mash.Platform.Eventing.Figures;

namespace Mash.Custody.Application;

/// <summary>The custody section of the partnership's figures: the same report as GetCustodyReport, for the period (all areas of the node).</summary>
internal sealed class CustodyFigures(DetentionQueries queries) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken) =>
        figures.Custody = await queries.FiguresAsync(period.FromUtc, period.ToUtc, cancellationToken);
}
