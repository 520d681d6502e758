using Grpc.Core;
using Mash.Gateway.Auth;
using Mash.Gateway.Tests.Infrastructure;
using System.Text.Json;

namespace Mash.Gateway.Tests;

/// <summary>Gateways started and stopped per test: restarts, a dead backend, the wrong environment.</summary>
public sealed class GatewayLifecycleTests
{
    [Fact]
    public async Task The_signing_key_and_client_secrets_survive_a_restart()
    {
        using var data = new TempDirectory();
        await using var backend = await FakeReferralBackend.StartAsync();
        string kid, token;
        IReadOnlyDictionary<string, string> secrets;
        await using (var first = GatewayHost.Start(data.Path, backend.Address))
        {
            kid = await KidAsync(first);
            token = await first.TokenAsync("police-mash");
            secrets = DevClientSecrets.Load(data.Path);
        }

        await using var second = GatewayHost.Start(data.Path, backend.Address);

        Assert.Equal(kid, await KidAsync(second));
        Assert.Equal(secrets, DevClientSecrets.Load(data.Path));
        Assert.Equal(21, secrets.Count); // one per development client in appsettings.json
        var reply = await second.Referrals.SubmitReferralAsync(Requests.Referral("after-restart"), Requests.Bearer(token));
        Assert.Equal("ref-after-restart", reply.Referral.ReferralId);
    }

    [Fact]
    public async Task A_call_while_the_referral_service_is_down_is_unavailable()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, $"http://127.0.0.1:{FreePort.Next()}");
        var headers = Requests.Bearer(await gateway.TokenAsync("police-mash"));

        var error = await Requests.RefusedAsync(gateway.Referrals.SubmitReferralAsync(Requests.Referral(), headers));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("the referral service is unavailable", error.Status.Detail);
    }

    [Fact]
    public async Task A_rest_call_while_the_referral_service_is_down_is_a_503_with_a_json_reason()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, $"http://127.0.0.1:{FreePort.Next()}");
        var token = await gateway.TokenAsync("police-mash");

        using var response = await gateway.Http.SendAsync(Requests.Rest(HttpMethod.Get, "/v1/referrals/abc", token));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("the referral service is unavailable", (await Requests.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public void The_local_issuer_refuses_to_start_in_production()
    {
        using var data = new TempDirectory();

        var error = Assert.ThrowsAny<Exception>(() => GatewayHost.Start(data.Path, "http://127.0.0.1:1", environment: "Production"));

        Assert.Contains("must not run in Production", error.ToString());
        Assert.False(File.Exists(DevClientSecrets.PathIn(data.Path)));
    }

    [Fact]
    public async Task The_token_endpoint_is_rate_limited_per_address()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, "http://127.0.0.1:1", new Dictionary<string, string?>
        {
            ["Mash:LocalIssuer:TokenRequestsPerSecond"] = "1",
            ["Mash:LocalIssuer:TokenRequestBurst"] = "2",
        });
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "police-mash", ["client_secret"] = "guess" };

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([401, 401, 429], statuses);
    }

    private static async Task<string> KidAsync(GatewayHost gateway) =>
        JsonDocument.Parse(await gateway.Http.GetStringAsync("/.well-known/jwks.json"))
            .RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;
}
