using Mash.Contracts.Referral.V1;
using Mash.Referral.Domain;

namespace Mash.Referral.Tests.Domain;

public sealed class ReferralProgressTests
{
    private static readonly DateTime Nine = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_front_doors_receipt_moves_a_copy_on_once() =>
        Assert.Equal([true, false], [
            ReferralProgress.MovesOn(ReferralStatus.AwaitingScreening, acknowledged: false, null, ReferralStatus.AwaitingScreening, null),
            ReferralProgress.MovesOn(ReferralStatus.AwaitingScreening, acknowledged: true, null, ReferralStatus.AwaitingScreening, null),
        ]);

    [Fact]
    public void A_later_stage_moves_a_copy_on_an_earlier_one_never_takes_it_back()
    {
        Assert.True(ReferralProgress.MovesOn(ReferralStatus.AwaitingScreening, true, null, ReferralStatus.Decided, Nine));
        Assert.False(ReferralProgress.MovesOn(ReferralStatus.Decided, true, Nine, ReferralStatus.AwaitingDecision, Nine));
        Assert.False(ReferralProgress.MovesOn(ReferralStatus.AwaitingDecision, true, Nine, ReferralStatus.AwaitingScreening, null));
        Assert.False(ReferralProgress.MovesOn(ReferralStatus.Decided, true, Nine, ReferralStatus.Decided, Nine));
    }

    [Fact]
    public void A_screening_made_again_before_the_decision_replaces_the_earlier_one_but_not_the_other_way_round()
    {
        Assert.True(ReferralProgress.MovesOn(ReferralStatus.AwaitingDecision, true, Nine, ReferralStatus.AwaitingDecision, Nine.AddHours(1)));
        Assert.False(ReferralProgress.MovesOn(ReferralStatus.AwaitingDecision, true, Nine.AddHours(1), ReferralStatus.AwaitingDecision, Nine));
    }
}
