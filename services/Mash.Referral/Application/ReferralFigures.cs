using Mash.Platform.Figures;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing.Figures;
using Mash.Referral.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Application;

/// <summary>
/// The referrals section of the partnership's figures: the referrals this front door received in the period for the
/// area, and how each stage went against its timescale. Only the times are read, never a referral's details.
/// </summary>
internal sealed class ReferralFigures(ReferralDbContext db) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        var (from, to, now) = (period.FromUtc, period.ToUtc, period.NowUtc);
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.Role == ReferralRole.FrontDoor && r.Area == period.Area && r.ReceivedAt >= from && r.ReceivedAt < to)
            .Select(r => new Times(r.ReceivedAt, r.ScreenedAt, r.RagDueAt, r.DecidedAt, r.DecisionDueAt))
            .ToListAsync(cancellationToken);
        var section = new Contracts.Figures.V1.ReferralFigures { Received = rows.Count, ReceivedByMonth = { period.ByMonth(rows.Select(r => r.Received)) } };
        section.Stages.Add(Stage("screening", rows, r => r.Received, r => r.Screened, r => r.DecisionDue, now));
        section.Stages.Add(Stage("rag_work", [.. rows.Where(r => r.RagDue is not null)], r => r.Screened!.Value, r => r.Decided, r => r.RagDue!.Value, now));
        section.Stages.Add(Stage("decision", rows, r => r.Received, r => r.Decided, r => r.DecisionDue, now));
        figures.Referrals = section;
    }

    private static StageTimeliness Stage(string name, IReadOnlyList<Times> rows, Func<Times, DateTime> start, Func<Times, DateTime?> done, Func<Times, DateTime> due, DateTime now) => new()
    {
        Stage = name,
        Due = rows.Count,
        OnTime = rows.Count(r => done(r) is { } at && at <= due(r)),
        Late = rows.Count(r => done(r) is { } at && at > due(r)),
        OverdueNow = rows.Count(r => done(r) is null && now > due(r)),
        MedianHours = Math.Round(Medians.Of(rows.Where(r => done(r) is not null).Select(r => (done(r)!.Value - start(r)).TotalHours)), 2),
    };

    private sealed record Times(DateTime Received, DateTime? Screened, DateTime? RagDue, DateTime? Decided, DateTime DecisionDue);
}
