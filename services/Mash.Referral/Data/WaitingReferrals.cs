using Mash.Contracts.Referral.V1;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Data;

/// <summary>
/// The MASH backlog as the queue (ListReferrals) and the managers' metrics both define it:
/// referrals not yet decided, and when the oldest of them was received.
/// </summary>
internal static class WaitingReferrals
{
    /// <summary>The rule itself, for figures already counted per status (see <see cref="ByStatusAsync"/>).</summary>
    public static bool IsWaiting(int status) => status != (int)ReferralStatus.Decided;

    /// <summary>
    /// One pass over the status index (Status, DueAt, ReceivedAt, DecisionDueAt), instead of a
    /// count, overdue counts and a search for the oldest each going over the whole queue: how many
    /// referrals are in each status, how many of them are past their screening due time and past
    /// their decision due time, and the oldest received.
    /// </summary>
    public static Task<List<StatusFigures>> ByStatusAsync(this IQueryable<ReferralRecord> referrals, DateTime now, CancellationToken cancellationToken) =>
        referrals
            .GroupBy(r => r.Status)
            .Select(g => new StatusFigures(
                g.Key, g.Count(), g.Count(r => r.DueAt < now), g.Count(r => r.DecisionDueAt < now), g.Min(r => (DateTime?)r.ReceivedAt)))
            .ToListAsync(cancellationToken);
}

internal sealed record StatusFigures(int Status, int Count, int PastDue, int PastDecisionDue, DateTime? OldestReceivedAt);
