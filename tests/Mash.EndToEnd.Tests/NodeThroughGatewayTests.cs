using Grpc.Core;
using Google.Rpc;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests;

/// <summary>A partner's view: real processes, real tokens from the gateway, HTTP/2 on loopback.</summary>
public sealed partial class NodeThroughGatewayTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_referral_submitted_through_the_gateway_is_in_the_queue_with_its_score_and_due_time()
    {
        var client = node.ThroughGateway();
        var submitted = await client.SubmitReferralAsync(Referrals.Sample("walkthrough-1"), await node.AsAsync("police-mash"));

        var queue = await client.ListReferralsAsync(new ListReferralsRequest(), await node.AsAsync("social-care-mash"));

        var listed = Assert.Single(queue.Referrals, r => r.ReferralId == submitted.Referral.ReferralId);
        Assert.InRange(listed.Completeness.Score, 1, 99);
        Assert.NotEmpty(listed.Completeness.Issues);
        Assert.NotNull(listed.DueAt);
        Assert.True(listed.DueAt.ToDateTime() > listed.ReceivedAt.ToDateTime());
        Assert.Equal(Mash.Contracts.Common.V1.Agency.Police, listed.SubmittedByAgency);
        Assert.True(queue.Backlog.Waiting >= 1);
    }

    [Fact]
    public async Task A_retried_submission_through_the_gateway_is_one_referral()
    {
        var client = node.ThroughGateway();
        var first = await client.SubmitReferralAsync(Referrals.Sample("retry-e2e"), await node.AsAsync("police-mash"));
        var second = await client.SubmitReferralAsync(Referrals.Sample("retry-e2e"), await node.AsAsync("police-mash"));

        Assert.True(second.Replayed);
        Assert.Equal(first.Referral.ReferralId, second.Referral.ReferralId);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_invalid_argument_with_field_violations()
    {
        var request = Referrals.Sample("bad-e2e");
        request.Details.Child.NhsNumber = "401 023 2138";
        request.Details.Concern = null;

        var headers = await node.AsAsync("police-mash");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            node.ThroughGateway().SubmitReferralAsync(request, headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["details.child.nhs_number", "details.concern.description"], fields.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("   at ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_without_the_role_is_permission_denied()
    {
        var noRoles = await Assert.ThrowsAsync<RpcException>(async () =>
            await node.ThroughGateway().ListReferralsAsync(new ListReferralsRequest(), await node.AsAsync("no-roles-client")));
        Assert.Equal(StatusCode.PermissionDenied, noRoles.StatusCode);

        var education = await Assert.ThrowsAsync<RpcException>(async () =>
            await node.ThroughGateway().GetReferralAsync(new GetReferralRequest { ReferralId = "ref_x" }, await node.AsAsync("education-mash")));
        Assert.Equal(StatusCode.PermissionDenied, education.StatusCode);
    }

    public static TheoryData<string> BadTokens => ["none", "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "alg-none", "tampered", "unknown-key", "hs256-public-key"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_are_unauthenticated_at_the_gateway_and_at_the_service(string kind)
    {
        var forged = new ForgedTokens(node);
        var valid = await node.TokenAsync("police-mash");
        var token = kind switch
        {
            "none" => null,
            "expired" => forged.Expired(),
            "not-yet-valid" => forged.NotYetValid(),
            "wrong-audience" => forged.WrongAudience(),
            "wrong-issuer" => forged.WrongIssuer(),
            "alg-none" => ForgedTokens.AlgNone(valid),
            "tampered" => ForgedTokens.Tampered(valid),
            "unknown-key" => forged.UnknownKey(),
            "hs256-public-key" => forged.HmacWithPublicKey(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var atGateway = await Assert.ThrowsAsync<RpcException>(() =>
            node.ThroughGateway().ListReferralsAsync(new ListReferralsRequest(), NodeFixture.Headers(token)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, atGateway.StatusCode);

        // Defence in depth: the service refuses the same token when called directly.
        using var direct = Grpc.Net.Client.GrpcChannel.ForAddress(node.Options.AddressOf(Mash.Node.Hosting.ServiceSpec.Referral));
        var atService = await Assert.ThrowsAsync<RpcException>(() =>
            new ReferralService.ReferralServiceClient(direct).ListReferralsAsync(new ListReferralsRequest(), NodeFixture.Headers(token)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, atService.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_reason_the_partner_can_act_on()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => node.ThroughGateway()
            .ListReferralsAsync(new ListReferralsRequest(), NodeFixture.Headers(new ForgedTokens(node).Expired())).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_validates_gateway_tokens_itself_when_called_directly()
    {
        using var direct = Grpc.Net.Client.GrpcChannel.ForAddress(node.Options.AddressOf(Mash.Node.Hosting.ServiceSpec.Referral));
        var reply = await new ReferralService.ReferralServiceClient(direct)
            .ListReferralsAsync(new ListReferralsRequest(), await node.AsAsync("police-mash"));
        Assert.NotNull(reply.Backlog);
    }
}
