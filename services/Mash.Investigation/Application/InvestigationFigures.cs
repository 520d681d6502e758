using Mash.Platform.Figures;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Platform.Eventing.Figures;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>
/// The investigations section of the partnership's figures for the period and area: opened, stalled and overdue now,
/// the device backlog, charging decisions and waits, audit grades by quarter. Counts only.
/// </summary>
internal sealed class InvestigationFigures(InvestigationDbContext db, InvestigationQueries queries, EvidenceQueries evidence, CaseAuditCommands audits)
    : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        var (from, to, now, area) = (period.FromUtc, period.ToUtc, period.NowUtc, period.Area);
        var decided = await db.ChargingFiles.AsNoTracking()
            .Where(f => f.DecidedAt >= from && f.DecidedAt < to)
            .Join(db.Investigations.Where(i => i.Area == area), f => f.InvestigationId, i => i.Id, (f, _) => new { f.SentAt, DecidedAt = f.DecidedAt!.Value })
            .ToListAsync(cancellationToken);
        var waiting = await evidence.WaitingFilesAsync(area, cancellationToken);
        var stalled = await queries.StalledNowAsync(now, cancellationToken);
        var zone = period.Zone;
        figures.Investigations = new Contracts.Figures.V1.InvestigationFigures
        {
            Opened = await db.Investigations.CountAsync(i => i.Area == area && i.OpenedAt >= from && i.OpenedAt < to, cancellationToken),
            StalledNow = stalled.Count(s => s.Record.Area == area),
            ReviewsOverdueNow = await db.Investigations.CountAsync(i => i.Area == area && i.Open && i.ReviewDueAt < now, cancellationToken),
            Devices = await evidence.BacklogAsync(new GetDeviceBacklogRequest(), cancellationToken),
            ChargingDecisions = decided.Count,
            ChargingMedianWaitDays = Math.Round(Medians.Of(decided.Select(d => (d.DecidedAt - d.SentAt).TotalDays)), 2),
            ChargingWaitingOverThreshold = evidence.OverThreshold(waiting, now).Count(),
            Audits = await audits.ResultsAsync(new GetAuditResultsRequest
            {
                FromQuarter = Quarter.Of(from, zone).ToString(), ToQuarter = Quarter.Of(to.AddTicks(-1), zone).ToString(),
            }, cancellationToken),
        };
    }
}
