using Mash.Platform.Rest;
using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Routes;

/// <summary>
/// <c>GET /openapi/{cluster}.json</c>: each service's OpenAPI document of its REST surface. The
/// only anonymous proxied routes: a document holds the API's shape and no data.
/// </summary>
internal static class OpenApiRoutes
{
    public const string Kind = "openapi";

    public static RouteConfig For(string cluster) => new()
    {
        RouteId = $"{cluster}-openapi",
        ClusterId = cluster,
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = $"/openapi/{cluster}.json", Methods = ["GET"] },
        Metadata = new Dictionary<string, string> { [RestRouteTable.KindKey] = Kind },
        Transforms = [new Dictionary<string, string> { ["PathSet"] = MashRestApi.OpenApiPath }],
    };

    /// <summary>A route may be anonymous only if it is one of these: a GET of a document under /openapi/.</summary>
    public static bool IsOpenApiRoute(RouteConfig route) =>
        route.Metadata?.GetValueOrDefault(RestRouteTable.KindKey) == Kind
        && route.Match.Path?.StartsWith("/openapi/", StringComparison.Ordinal) == true
        && route.Match.Methods is ["GET"];
}
