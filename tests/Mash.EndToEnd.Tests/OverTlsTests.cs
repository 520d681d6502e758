using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests;

/// <summary>A node whose gateway takes partners over TLS with a loopback certificate, as the launcher's --tls.</summary>
public sealed class TlsNodeFixture() : NodeFixture(tls: true);

/// <summary>
/// Partners over TLS, end to end across real processes: a token from the https token endpoint,
/// a referral submitted with gRPC (HTTP/2 negotiated by ALPN), read back with REST (HTTP/1.1),
/// each service checking the token with keys it fetched from the gateway over TLS too.
/// </summary>
public sealed class OverTlsTests(TlsNodeFixture node) : IClassFixture<TlsNodeFixture>
{
    [Fact]
    public async Task A_partner_gets_a_token_submits_with_grpc_and_reads_the_referral_back_with_rest_all_over_tls()
    {
        Assert.StartsWith("https://", node.Options.GatewayAddress, StringComparison.Ordinal);
        var headers = await node.Client.AsAsync("police-mash");

        var submitted = await node.Client.Referrals().SubmitReferralAsync(Referrals.Sample("over-tls"), headers);

        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri($"{node.Options.GatewayHttpAddress}/v1/referrals/{submitted.Referral.ReferralId}"));
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await node.Client.TokenAsync("health-mash"));
        read.Headers.Add("x-mash-purpose", "end-to-end TLS test");
        read.Headers.Add("x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK");
        using var answer = await node.Client.Http.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpVersion.Version11, answer.Version);
        var referral = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(submitted.Referral.ReferralId, referral.GetProperty("referralId").GetString());
    }

    [Fact]
    public async Task The_gateway_takes_no_cleartext_and_a_client_that_does_not_trust_its_certificate_gets_nothing()
    {
        var port = new Uri(node.Options.GatewayAddress).Port;
        using var cleartext = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new ReferralService.ReferralServiceClient(cleartext).GetReferralAsync(new GetReferralRequest { ReferralId = "abc" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        Assert.NotEqual(StatusCode.Unauthenticated, refused.StatusCode);

        using var untrusting = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var untrusted = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri(node.Options.GatewayHttpAddress + "/healthz")));
        Assert.IsType<AuthenticationException>(untrusted.InnerException);
    }

    [Fact]
    public async Task The_cli_trusts_the_nodes_certificate_from_its_folder_and_works_over_tls()
    {
        var submitted = await CliProcess.RunAsync(node.Options, "submit", "--client", "police-mash", "--key", "cli-over-tls");
        Assert.True(submitted.ExitCode == 0, submitted.Errors);
        var id = System.Text.RegularExpressions.Regex.Match(submitted.Output, "ref_[0-9a-f]{32}").Value;
        Assert.NotEmpty(id);

        var listed = await CliProcess.RunAsync(node.Options, "list", "--client", "social-care-mash");
        Assert.True(listed.ExitCode == 0, listed.Errors);
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);
    }
}
