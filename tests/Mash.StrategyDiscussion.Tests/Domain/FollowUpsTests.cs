using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Domain;

namespace Mash.StrategyDiscussion.Tests.Domain;

public sealed class FollowUpsTests
{
    [Fact]
    public void A_follow_up_to_the_first_discussion_links_to_it() =>
        Assert.Equal("dsc_first", FollowUps.FirstOfChain(new FollowedDiscussion("dsc_first", DiscussionStatus.Concluded, "")));

    [Fact]
    public void A_follow_up_to_a_follow_up_links_to_the_first_discussion_of_the_chain() =>
        Assert.Equal("dsc_first", FollowUps.FirstOfChain(new FollowedDiscussion("dsc_second", DiscussionStatus.Concluded, "dsc_first")));

    [Theory]
    [InlineData(DiscussionStatus.Required, false)]
    [InlineData(DiscussionStatus.Scheduled, false)]
    [InlineData(DiscussionStatus.Concluded, true)]
    public void Only_a_concluded_discussion_can_be_followed_up(DiscussionStatus status, bool allowed) =>
        Assert.Equal(allowed, FollowUps.CanBeFollowed(new FollowedDiscussion("dsc_1", status, "")));
}
