using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Functional;

/// <summary>In Development a service describes itself to grpcurl (the v1 reflection API and its v1alpha predecessor).</summary>
public sealed class ReflectionTests
{
    [Fact]
    public async Task In_development_the_service_lists_its_own_services_over_reflection()
    {
        using var app = new ReferralApp();
        using var channel = GrpcChannel.ForAddress(app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "mash.referral.v1.ReferralService");
    }
}
