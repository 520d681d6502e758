using Mash.Contracts.Referral.V1;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Data;

/// <summary>
/// The MASH backlog as the queue (ListReferrals) and the managers' metrics both define it:
/// referrals not yet decided, and when the oldest of them was received.
/// </summary>
internal static class WaitingReferrals
{
    public static IQueryable<ReferralRecord> Waiting(this IQueryable<ReferralRecord> referrals) =>
        referrals.Where(r => r.Status != (int)ReferralStatus.Decided);

    public static Task<DateTime?> OldestReceivedAtAsync(this IQueryable<ReferralRecord> waiting, CancellationToken cancellationToken) =>
        waiting.OrderBy(r => r.ReceivedAt).Select(r => (DateTime?)r.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
}
