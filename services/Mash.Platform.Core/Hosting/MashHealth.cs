using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Platform.Hosting;

/// <summary>
/// The names a service answers on <c>grpc.health.v1.Health</c>: <c>""</c> is ready (every health
/// check, the database included) and <see cref="Liveness"/> is alive (the process answers at all).
/// </summary>
/// <remarks>
/// Kubernetes restarts a pod whose liveness probe fails: were liveness to include the database, a
/// database outage would restart every replica in a loop. Readiness takes them out of rotation instead.
/// </remarks>
public static class MashHealth
{
    public const string Ready = "";
    public const string Liveness = "liveness";

    public static IServiceCollection AddMashHealth(this IServiceCollection services)
    {
        // A service with no check at all reports UNKNOWN: liveness gets one that only needs the process.
        services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Liveness]);
        services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map(Ready, _ => true);
            options.Services.Map(Liveness, check => check.Tags.Contains(Liveness));
        });
        return services;
    }
}
