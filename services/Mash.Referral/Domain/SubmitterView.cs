using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// What a client that may only submit referrals sees of one when it retries its submission: what it
/// submitted, with its completeness and clocks, as answered when it was submitted. The MASH's
/// screening and decision (who, when, why) are for those who may read referrals (data minimisation).
/// </summary>
public static class SubmitterView
{
    public static Contracts.Referral.V1.Referral AsSubmitted(Contracts.Referral.V1.Referral referral)
    {
        var view = referral.Clone();
        view.Status = ReferralStatus.AwaitingScreening;
        view.Screening = null;
        view.Decision = null;
        view.DueAt = view.DecisionDueAt;
        view.DueDeadline = ReferralDeadline.Decision;
        view.Overdue = false;
        view.FrontDoorAcknowledgedAt = null;
        return view;
    }
}
