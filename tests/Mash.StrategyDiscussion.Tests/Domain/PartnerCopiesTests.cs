using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Domain;

namespace Mash.StrategyDiscussion.Tests.Domain;

public sealed class PartnerCopiesTests
{
    [Fact]
    public void Every_agency_a_discussion_needs_and_every_agency_invited_is_expected_once()
    {
        var invited = new[]
        {
            new Participant { Agency = Agency.Education, Name = "DSL" },
            new Participant { Agency = Agency.Police, Name = "DS" },
            new Participant { Agency = Agency.Unspecified, Name = "Unknown" },
        };

        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health, Agency.Education], Representation.Expected(invited));
        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health], Representation.Expected([]));
    }

    [Theory]
    [InlineData(Agency.Police, true)]
    [InlineData(Agency.Education, false)]
    public void An_outstanding_discussion_is_kept_by_an_expected_agencys_node_only(Agency thisNode, bool kept) =>
        Assert.Equal(kept, PartnerCopies.KeepsOutstanding(thisNode, Representation.Expected([])));

    [Theory]
    [InlineData(DiscussionStatus.Required, true)]
    [InlineData(DiscussionStatus.Scheduled, true)]
    [InlineData(DiscussionStatus.Concluded, false)]
    public void Only_a_concluded_copy_is_final(DiscussionStatus kept, bool replaced) =>
        Assert.Equal(replaced, PartnerCopies.Replaces(kept));
}
