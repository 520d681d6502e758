namespace Mash.Gateway;

internal static class GatewayHealth
{
    /// <summary>
    /// A plain HTTP liveness probe: the gateway serves no gRPC itself, so the gRPC health
    /// service would say nothing about the routes it proxies.
    /// </summary>
    public static IEndpointConventionBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", () => Results.Text("healthy")).AllowAnonymous();
}
