using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Data;

/// <summary>
/// How many referrals this node holds in one role and status, kept by the database itself: triggers on
/// the referrals table add and take away as rows are inserted, change role or status, or are deleted,
/// in the same statement (see the <c>ReferralCounts</c> migration). The queue's total and the count of
/// decided referrals then cost one small read however many years of referrals are stored, instead of
/// a pass over all of them.
/// </summary>
public sealed class ReferralCountRecord
{
    public ReferralRole Role { get; set; }
    public ReferralStatus Status { get; set; }
    public long Count { get; set; }
}
