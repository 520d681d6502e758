using Mash.Contracts.Referral.V1;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Data;

/// <summary>
/// The MASH backlog as the queue (ListReferrals) and the managers' metrics both define it:
/// referrals this node screens and decides, not yet decided, and when the oldest of them was
/// received. A referrer's copies wait in the front door's backlog, not here.
/// </summary>
internal static class WaitingReferrals
{
    /// <summary>The rule itself, for figures already counted per role and status (see <see cref="ByStatusAsync"/>).</summary>
    public static bool IsWaiting(StatusFigures figures) =>
        figures.Role == ReferralRole.FrontDoor && figures.Status != ReferralStatus.Decided;

    /// <summary>
    /// How many referrals are in each role and status, and for the undecided ones how many are past their
    /// due time and past their decision due time, and the oldest received. Two reads whose cost does not grow
    /// with the history: the counts the database keeps (<see cref="ReferralCountRecord"/>), and one pass over
    /// the undecided referrals' part of the index (Status, Role, DueAt, ReceivedAt, DecisionDueAt), whose
    /// length is the work in hand, not every referral ever decided.
    /// </summary>
    public static async Task<List<StatusFigures>> ByStatusAsync(this ReferralDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var counts = await db.ReferralCounts.AsNoTracking().Where(c => c.Count > 0).ToListAsync(cancellationToken);
        var undecided = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.AwaitingScreening || r.Status == ReferralStatus.AwaitingDecision)
            .GroupBy(r => new { r.Status, r.Role })
            .Select(g => new
            {
                g.Key.Role, g.Key.Status, PastDue = g.Count(r => r.DueAt < now), PastDecisionDue = g.Count(r => r.DecisionDueAt < now),
                Oldest = g.Min(r => (DateTime?)r.ReceivedAt),
            })
            .ToListAsync(cancellationToken);
        return counts.Select(c =>
        {
            var open = undecided.FirstOrDefault(u => u.Role == c.Role && u.Status == c.Status);
            return new StatusFigures(c.Role, c.Status, checked((int)c.Count), open?.PastDue ?? 0, open?.PastDecisionDue ?? 0, open?.Oldest);
        }).ToList();
    }
}

internal sealed record StatusFigures(ReferralRole Role, ReferralStatus Status, int Count, int PastDue, int PastDecisionDue, DateTime? OldestReceivedAt);
