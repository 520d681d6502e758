using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Referral.Domain;

namespace Mash.Referral.Tests.Domain;

public sealed class DecisionNextStepsTests
{
    [Theory]
    [InlineData(ReferralOutcome.StrategyDiscussion, true, StrategyTrigger.ReferralDecision)]
    [InlineData(ReferralOutcome.ImmediateProtection, true, StrategyTrigger.ImmediateProtection)]
    [InlineData(ReferralOutcome.ChildInNeedAssessment, true, StrategyTrigger.Unspecified)]
    [InlineData(ReferralOutcome.NoFurtherAction, false, StrategyTrigger.Unspecified)]
    [InlineData(ReferralOutcome.EarlyHelp, false, StrategyTrigger.Unspecified)]
    public void Each_outcome_starts_exactly_the_next_step_the_guidance_expects(ReferralOutcome outcome, bool opensAssessment, StrategyTrigger discussion)
    {
        var steps = DecisionNextSteps.After(outcome);

        Assert.Equal(opensAssessment, steps.OpensAssessment);
        Assert.Equal(discussion, steps.DiscussionTrigger);
        Assert.Equal(discussion != StrategyTrigger.Unspecified, steps.RequiresDiscussion);
    }
}
