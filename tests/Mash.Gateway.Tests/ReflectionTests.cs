using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Mash.Gateway.Tests.Infrastructure;

namespace Mash.Gateway.Tests;

/// <summary>
/// grpcurl and Postman discover the services at the gateway's address in Development (every
/// routed service, from the contracts); in Production nothing describes the server.
/// </summary>
public sealed class ReflectionTests
{
    [Fact]
    public async Task In_development_reflection_lists_every_public_service_without_a_token()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, "http://127.0.0.1:1");

        var services = await ListServicesAsync(gateway);

        Assert.Contains("mash.referral.v1.ReferralService", services);
        Assert.Contains("mash.assessment.v1.AssessmentService", services);
        Assert.Contains("mash.missing.v1.MissingService", services);
        Assert.Contains("mash.strategy.v1.StrategyDiscussionService", services);
        Assert.Contains("mash.offender.v1.OffenderService", services);
        Assert.Contains("mash.custody.v1.CustodyService", services);
        Assert.Contains("mash.investigation.v1.InvestigationService", services);
    }

    [Fact]
    public async Task In_production_reflection_is_refused_as_any_unknown_path_is()
    {
        using var data = new TempDirectory();
        await using var gateway = GatewayHost.Start(data.Path, "http://127.0.0.1:1", new Dictionary<string, string?>
        {
            ["Mash:LocalIssuer:Enabled"] = "false",
            ["Mash:Auth:LocalIssuer:Enabled"] = "false",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "8f0e4b1c-0000-4000-8000-0000000000aa",
            ["AzureAd:ClientId"] = "8f0e4b1c-0000-4000-8000-0000000000bb",
            ["AzureAd:Audience"] = "api://mash",
            ["Mash:Gateway:Tls:TrustedProxyNetworks:0"] = "127.0.0.0/8",
        }, "Production");

        var refused = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(gateway));

        // No route serves it: like every path the gateway does not route, it is closed to a caller without a token.
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private static async Task<List<string>> ListServicesAsync(GatewayHost gateway)
    {
        var client = new ServerReflection.ServerReflectionClient(gateway.Channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }
}
