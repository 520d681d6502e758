using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// What a decision on a referral starts at the node that decides it (Working Together 2023): a strategy
/// discussion when s47 is suspected, and one at once after immediate protection; the child's
/// assessment (45 working days from receipt) for an assessment, a strategy discussion or immediate
/// protection. No further action, early help and signposting open no assessment.
/// </summary>
public sealed record DecisionNextSteps(bool OpensAssessment, StrategyTrigger DiscussionTrigger)
{
    public bool RequiresDiscussion => DiscussionTrigger != StrategyTrigger.Unspecified;

    public static DecisionNextSteps After(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.ChildInNeedAssessment => new(OpensAssessment: true, StrategyTrigger.Unspecified),
        ReferralOutcome.StrategyDiscussion => new(OpensAssessment: true, StrategyTrigger.ReferralDecision),
        ReferralOutcome.ImmediateProtection => new(OpensAssessment: true, StrategyTrigger.ImmediateProtection),
        _ => new(OpensAssessment: false, StrategyTrigger.Unspecified),
    };
}
