using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Routes;

/// <summary>
/// A second proxy configuration beside the <c>ReverseProxy</c> section: the REST routes derived
/// from its gRPC routes, and each cluster's OpenAPI document. Rebuilt when the section changes.
/// </summary>
internal sealed class DerivedRoutes(IConfiguration configuration) : IProxyConfigProvider
{
    private const string Section = "ReverseProxy";

    public IProxyConfig GetConfig()
    {
        var section = configuration.GetSection(Section);
        var grpcRoutes = section.GetSection("Routes").GetChildren()
            .Select(route => (route.Get<RouteConfig>() ?? new RouteConfig()) with { RouteId = route.Key })
            .ToList();
        var clusters = section.GetSection("Clusters").GetChildren().Select(cluster => cluster.Key);
        return new Snapshot(
            [.. RestRouteTable.From(grpcRoutes), .. clusters.Select(OpenApiRoutes.For)],
            section.GetReloadToken());
    }

    private sealed class Snapshot(IReadOnlyList<RouteConfig> routes, IChangeToken changeToken) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes => routes;
        public IReadOnlyList<ClusterConfig> Clusters => [];
        public IChangeToken ChangeToken => changeToken;
    }
}
