using Mash.Contracts.Figures.V1;
using Mash.Offender.Data;
using Mash.Platform.Eventing.Figures;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Application;

/// <summary>The offenders section of the partnership's figures for the area: visits made in the period (local days) and visits overdue now.</summary>
internal sealed class OffenderFigures(OffenderDbContext db) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        var areaKey = OffenderRecord.Fold(period.Area);
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(period.FromUtc, period.Zone));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(period.ToUtc.AddTicks(-1), period.Zone));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(period.NowUtc, period.Zone));
        var inArea = db.Offenders.AsNoTracking().Where(o => o.AreaKey == areaKey);
        figures.Offenders = new Contracts.Figures.V1.OffenderFigures
        {
            VisitsDone = await db.Visits.AsNoTracking().Where(v => v.VisitedOn >= firstDay && v.VisitedOn <= lastDay)
                .Join(inArea, v => v.OffenderId, o => o.Id, (v, _) => v.Id).CountAsync(cancellationToken),
            VisitsOverdueNow = await inArea.CountAsync(o => o.NextVisitDueBy != null && o.NextVisitDueBy < today, cancellationToken),
        };
    }
}
