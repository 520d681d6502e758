using Grpc.Health.V1;
using Grpc.Net.Client;
using Mash.Platform.Hosting;
using Mash.Referral.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Referral.Tests.Functional;

/// <summary>
/// What the Kubernetes probes ask: readiness ("") follows every health check, the database's
/// included; liveness follows none, so a database outage takes a pod out of rotation without
/// restarting it.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_healthy_service_is_ready_and_alive()
    {
        using var app = new ReferralApp();
        var health = Client(app.Server);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = MashHealth.Ready })).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = MashHealth.Liveness })).Status);
    }

    [Fact]
    public async Task A_failing_dependency_makes_the_service_unready_but_still_alive()
    {
        using var root = new ReferralApp();
        using var app = root.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("database-down", () => HealthCheckResult.Unhealthy("simulated outage"))));
        var health = Client(app.Server);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = MashHealth.Ready })).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = MashHealth.Liveness })).Status);
    }

    private static Health.HealthClient Client(TestServer server) =>
        new(GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() }));
}
