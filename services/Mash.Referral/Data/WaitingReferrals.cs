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
    /// One pass over the index (Role, Status, DueAt, ReceivedAt, DecisionDueAt), instead of a count,
    /// overdue counts and a search for the oldest each going over the whole queue: how many referrals
    /// are in each role and status, how many of them are past their due time and past their decision
    /// due time, and the oldest received.
    /// </summary>
    public static Task<List<StatusFigures>> ByStatusAsync(this IQueryable<ReferralRecord> referrals, DateTime now, CancellationToken cancellationToken) =>
        referrals
            .GroupBy(r => new { r.Role, r.Status })
            .Select(g => new StatusFigures(
                g.Key.Role, g.Key.Status, g.Count(), g.Count(r => r.DueAt < now), g.Count(r => r.DecisionDueAt < now), g.Min(r => (DateTime?)r.ReceivedAt)))
            .ToListAsync(cancellationToken);
}

internal sealed record StatusFigures(ReferralRole Role, ReferralStatus Status, int Count, int PastDue, int PastDecisionDue, DateTime? OldestReceivedAt);
