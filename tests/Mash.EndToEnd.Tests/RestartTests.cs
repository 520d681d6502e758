using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;
using Mash.Node.Hosting;

namespace Mash.EndToEnd.Tests;

public sealed class RestartTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Referrals_acknowledged_before_the_service_is_killed_are_there_after_it_restarts()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var reply = await node.ThroughGateway().SubmitReferralAsync(Referrals.Sample("restart-" + i), await node.AsAsync("police-mash"));
            ids.Add(reply.Referral.ReferralId);
        }

        await node.Node.Service(ServiceSpec.Referral).KillAsync();
        await node.Node.StartAsync(ServiceSpec.Referral);

        foreach (var id in ids)
        {
            var again = await node.ThroughGateway().GetReferralAsync(new GetReferralRequest { ReferralId = id }, await node.AsAsync("police-mash"));
            Assert.Equal(id, again.ReferralId);
        }

        var retried = await node.ThroughGateway().SubmitReferralAsync(Referrals.Sample("restart-0"), await node.AsAsync("police-mash"));
        Assert.True(retried.Replayed);
        Assert.Equal(ids[0], retried.Referral.ReferralId);
    }
}
