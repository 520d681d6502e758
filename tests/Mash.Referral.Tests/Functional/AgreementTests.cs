using Grpc.Core;
using Mash.Referral.Tests.Support;
using Mash.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

/// <summary>A referral for a front door this node has no agreement with is refused, not kept unsent.</summary>
public sealed class AgreementTests
{
    [Fact]
    public async Task A_referral_whose_front_door_has_no_agreement_in_force_is_refused_and_nothing_is_stored()
    {
        // The clock is Monday 23 November 2026; the agreement with the front door ended in June.
        using var police = new ReferralApp(nodeId: ReferralApp.PoliceNode, settings: new Dictionary<string, string>
        {
            ["Mash:Agreements:Registry:0:ValidTo"] = "2026-06-30",
        });

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            police.Client().SubmitReferralAsync(Samples.Submit("no-agreement"), police.As("police-mash")).ResponseAsync);

        Assert.Contains("No agreement in force with node 'local-social-care' for referrals", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await police.WithDbAsync(db => db.Referrals.CountAsync()));
    }
}
