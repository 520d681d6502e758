using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Routes;

/// <summary>
/// Refuses a route that names no role policy or opts out of authorization: the fallback
/// policy would let any partner through, and a typo should stop the gateway, not open a call.
/// The one exception is the anonymous GET of a service's OpenAPI document (<see cref="OpenApiRoutes"/>).
/// </summary>
internal sealed class RoutePolicyFilter : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        var policy = route.AuthorizationPolicy;
        if (OpenApiRoutes.IsOpenApiRoute(route))
        {
            return new(route);
        }

        if (string.IsNullOrWhiteSpace(policy)
            || string.Equals(policy, "anonymous", StringComparison.OrdinalIgnoreCase)
            || string.Equals(policy, "default", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Route '{route.RouteId}' must name the role its callers need in AuthorizationPolicy.");
        }

        return new(route);
    }
}
