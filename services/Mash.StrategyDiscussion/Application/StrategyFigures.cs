using Mash.Contracts.Events.V1;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Eventing.Figures;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Receipts;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Application;

/// <summary>
/// The strategy section of the partnership's figures for discussions this node holds in the area: required, held,
/// held on time, outstanding and overdue now, and the concluded records each participating node received (its receipt).
/// </summary>
internal sealed class StrategyFigures(StrategyDbContext db) : IFiguresContributor
{
    public async Task ContributeAsync(FiguresPeriod period, PartnershipFigures figures, CancellationToken cancellationToken)
    {
        var (from, to, now) = (period.FromUtc, period.ToUtc, period.NowUtc);
        var ours = db.Discussions.AsNoTracking().Where(d => !d.Received && d.Area == period.Area);
        var held = await ours.Where(d => d.HeldAt >= from && d.HeldAt < to).Select(d => new { d.Id, HeldAt = d.HeldAt!.Value, d.DueAt }).ToListAsync(cancellationToken);
        var heldIds = held.Select(h => h.Id).ToList();
        var concluded = StrategyDiscussionConcluded.Descriptor.FullName;
        var receipts = await db.Set<DisclosureRecord>().AsNoTracking()
            .Where(d => d.Shared && d.What == concluded && heldIds.Contains(d.RecordId))
            .Join(db.Set<DeliveryReceiptRecord>().AsNoTracking(), d => d.EventId, r => r.EventId, (d, r) => new { r.ReceivingNode, d.RecordId })
            .Distinct().ToListAsync(cancellationToken);
        figures.Strategy = new Contracts.Figures.V1.StrategyFigures
        {
            Required = await ours.CountAsync(d => d.RequiredAt >= from && d.RequiredAt < to, cancellationToken),
            Held = held.Count,
            HeldOnTime = held.Count(h => h.HeldAt <= h.DueAt),
            OutstandingOverdue = await ours.CountAsync(d => d.Status != DiscussionStatus.Concluded && d.RequiredAt >= from && d.RequiredAt < to && d.DueAt < now, cancellationToken),
            MinutesReceived =
            {
                receipts.GroupBy(r => r.ReceivingNode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new ParticipantMinutes { Node = g.Key, Received = g.Count() }),
            },
            HeldByMonth = { period.ByMonth(held.Select(h => h.HeldAt)) },
        };
    }
}
