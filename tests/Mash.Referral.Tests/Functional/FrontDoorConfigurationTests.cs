using Grpc.Core;
using Google.Rpc;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Referral.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Functional;

/// <summary>What a node does when the partnership's map of front doors leaves an area out, or moves it.</summary>
public sealed class FrontDoorConfigurationTests : IDisposable
{
    private readonly TestTokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static SubmitReferralRequest ForArea(string key, string area)
    {
        var request = Samples.Submit(key);
        request.Details.Area = area;
        return request;
    }

    [Fact]
    public async Task A_referral_for_an_area_without_a_front_door_is_refused_naming_the_setting_and_nothing_is_stored()
    {
        using var police = new ReferralApp(tokens: _tokens, nodeId: ReferralApp.PoliceNode,
            settings: new Dictionary<string, string> { ["Mash:Partnership:FrontDoors:merton"] = "" });

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            police.Client().SubmitReferralAsync(ForArea("m-1", "merton"), police.As()).ResponseAsync);

        Assert.Contains("Mash:Partnership:FrontDoors:merton", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("NO_FRONT_DOOR", Assert.Single(refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type);
        Assert.Equal(0, await police.CountReferralsAsync());
        Assert.Equal(0, await police.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await police.WithDbAsync(db => db.Set<DisclosureRecord>().CountAsync()));
    }

    [Fact]
    public async Task A_referral_whose_area_now_has_its_front_door_elsewhere_cannot_be_screened_or_decided_here()
    {
        string id;
        string data;
        using (var mash = new ReferralApp(tokens: _tokens))
        {
            id = (await mash.Client().SubmitReferralAsync(ForArea("m-2", "merton"), mash.As())).Referral.ReferralId;
            data = mash.DataDirectory;
        }

        using var moved = new ReferralApp(data, _tokens, settings: new Dictionary<string, string> { ["Mash:Partnership:FrontDoors:merton"] = "merton-children" });
        var screen = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => moved.Client().RecordScreeningAsync(
            new RecordScreeningRequest { ReferralId = id, Rag = Rag.Amber, Rationale = "Checks needed" }, moved.As()).ResponseAsync);
        var decide = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => moved.Client().RecordDecisionAsync(
            new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.ImmediateProtection, Rationale = "EPO" }, moved.As()).ResponseAsync);

        Assert.All([screen, decide], e => Assert.Contains("merton-children", e.Status.Detail, StringComparison.Ordinal));
        Assert.All([screen, decide], e => Assert.Equal("OTHER_AREA", e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type));
        var unchanged = await moved.Client().GetReferralAsync(new GetReferralRequest { ReferralId = id }, moved.As());
        Assert.Equal(ReferralStatus.AwaitingScreening, unchanged.Status);
        Assert.Empty(await moved.SentAsync(Topics.Referrals));
    }

    [Fact]
    public async Task A_node_that_runs_no_front_door_takes_no_other_nodes_referrals_in()
    {
        using var police = ReferralApp.Referrer(_tokens);
        _ = police.Services;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => police.DeliverAsync(Topics.FrontDoorReferrals, new Contracts.Events.V1.EventEnvelope()));
        Assert.Contains("No subscription", refused.Message, StringComparison.Ordinal);
    }
}
