using Mash.Assessment.Application.Missing;
using Mash.Assessment.Data;
using Mash.Assessment.Domain.Missing;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Eventing.Figures;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application;

/// <summary>
/// The Assessment service's sections of the partnership's figures: CSE flags raised at this node (by month; high
/// is the flag's risk now), assessments completed and on time, and missing episodes with their return interviews.
/// </summary>
internal sealed class AssessmentFigures(AssessmentDbContext db, MissingSettings missing) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        var (from, to, now) = (period.FromUtc, period.ToUtc, period.NowUtc);
        var flags = await db.CseFlags.AsNoTracking().Where(f => f.RaisedAt >= from && f.RaisedAt < to).Select(f => new { f.RaisedAt, f.Risk }).ToListAsync(cancellationToken);
        figures.Cse = new CseFigures
        {
            Raised = flags.Count,
            RaisedHigh = flags.Count(f => f.Risk == CseRisk.High),
            RaisedByMonth = { period.ByMonth(flags.Select(f => f.RaisedAt)) },
            ActiveHighNow = await db.CseFlags.CountAsync(f => f.Active && f.Risk == CseRisk.High, cancellationToken),
        };

        var assessments = db.Assessments.AsNoTracking().Where(a => a.Area == period.Area);
        var completed = await assessments.Where(a => a.CompletedAt >= from && a.CompletedAt < to).Select(a => a.TimescaleBreached).ToListAsync(cancellationToken);
        figures.Assessments = new Contracts.Figures.V1.AssessmentFigures
        {
            Completed = completed.Count,
            CompletedOnTime = completed.Count(breached => !breached),
            OverdueNow = await assessments.CountAsync(a => a.Status == AssessmentStatus.Open && a.DueAt < now, cancellationToken),
        };

        // Each episode once at this node (its own or a partner's copy): reported in the period; interviews due in it.
        var rules = missing.For(period.Area);
        var returnedSince = from - rules.ReturnInterviewWithin;
        var episodes = await db.MissingEpisodes.AsNoTracking()
            .Where(e => e.Area == period.Area && ((e.ReportedAt >= from && e.ReportedAt < to) || (e.ReturnedAt >= returnedSince && e.ReturnedAt < to)))
            .ToListAsync(cancellationToken);
        var due = episodes.Select(EpisodeChanges.Facts).Where(f => ReturnInterviews.DueAt(f, rules) is { } at && period.Contains(at) && at <= now).ToList();
        figures.Missing = new MissingFigures
        {
            Episodes = episodes.Count(e => period.Contains(e.ReportedAt)),
            InterviewsDue = due.Count,
            InterviewsOnTime = due.Count(f => ReturnInterviews.Settled(f.Interview) && !ReturnInterviews.Late(f, rules)),
        };
    }
}
