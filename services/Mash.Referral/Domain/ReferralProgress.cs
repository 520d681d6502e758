using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// Whether a progress report from the front door moves the referrer's copy on. Reports about one child
/// arrive in order, but a redelivered copy of an older one may come after a newer one: it must not
/// take the copy back (a decided referral never returns to "awaiting screening").
/// </summary>
public static class ReferralProgress
{
    /// <param name="current">Where the copy stands now.</param>
    /// <param name="acknowledged">Whether the front door's receipt has arrived.</param>
    /// <param name="screenedAt">When the copy's screening (if any) was made.</param>
    /// <param name="reported">The status reported.</param>
    /// <param name="reportedScreenedAt">The screening time reported, if screened.</param>
    public static bool MovesOn(ReferralStatus current, bool acknowledged, DateTime? screenedAt, ReferralStatus reported, DateTime? reportedScreenedAt)
    {
        if (reported != current)
        {
            return reported > current;
        }

        return reported switch
        {
            ReferralStatus.AwaitingScreening => !acknowledged,
            // Screened again before the decision: the later screening stands.
            ReferralStatus.AwaitingDecision => reportedScreenedAt > screenedAt,
            _ => false,
        };
    }
}
