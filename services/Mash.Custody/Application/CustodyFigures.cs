using Mash.Contracts.Figures.V1;
using Mash.Custody.Application.Encompass;
using Mash.Platform.Eventing.Figures;

namespace Mash.Custody.Application;

/// <summary>The custody section of the partnership's figures: the same report as GetCustodyReport, for the period (all areas of the node).</summary>
/// <remarks>A local authority node (one that sends its area's notifications to no other node) adds its domestic abuse notifications to schools.</remarks>
internal sealed class CustodyFigures(DetentionQueries queries, SchoolNotificationQueries notifications, CustodyRules rules) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        figures.Custody = await queries.FiguresAsync(period.FromUtc, period.ToUtc, cancellationToken);
        if (rules.For(rules.Area).LocalAuthorityNode is var localAuthority && (localAuthority.Length == 0 || localAuthority == rules.ThisNode))
        {
            figures.Encompass = await notifications.FiguresAsync(period.FromUtc, period.ToUtc, cancellationToken);
        }
    }
}
