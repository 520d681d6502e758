using Mash.Contracts.Figures.V1;

namespace Mash.Platform.Eventing.Figures;

/// <summary>A service's part of the partnership's figures: it fills its own sections of the answer, for the period and area.</summary>
public interface IFiguresContributor
{
    Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken);
}
