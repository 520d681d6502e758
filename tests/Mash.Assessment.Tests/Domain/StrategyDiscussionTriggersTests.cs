using Mash.Assessment.Domain;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;

namespace Mash.Assessment.Tests.Domain;

public sealed class StrategyDiscussionTriggersTests
{
    [Theory]
    [InlineData(CseRisk.High, FlagAction.Raised, true)]
    [InlineData(CseRisk.High, FlagAction.Reviewed, true)]
    [InlineData(CseRisk.High, FlagAction.Cleared, false)]
    [InlineData(CseRisk.Medium, FlagAction.Raised, false)]
    [InlineData(CseRisk.Low, FlagAction.Reviewed, false)]
    public void Only_a_high_risk_raised_or_confirmed_on_review_requires_a_strategy_discussion(CseRisk risk, FlagAction action, bool required) =>
        Assert.Equal(required, StrategyDiscussionTriggers.RequiredBy(risk, action));

    [Fact]
    public void The_reason_says_whether_the_risk_was_raised_or_confirmed_and_on_which_flag()
    {
        Assert.Equal("High CSE risk raised on flag cse_1: online grooming", StrategyDiscussionTriggers.Reason(FlagAction.Raised, "cse_1", "online grooming"));
        Assert.Equal("High CSE risk confirmed on review on flag cse_1: still missing", StrategyDiscussionTriggers.Reason(FlagAction.Reviewed, "cse_1", "still missing"));
    }
}
