using Yarp.ReverseProxy.Configuration;

namespace Mash.Gateway.Routes;

internal static class GatewayProxy
{
    /// <summary>
    /// Routes and clusters from the <c>ReverseProxy</c> section, plus the REST routes and OpenAPI
    /// documents derived from them; every route must name its policy.
    /// </summary>
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var stripping = new IdentityHeaderStripping(options.StrippedRequestHeaders);
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<RoutePolicyFilter>()
            .AddBackendDnsResolution(configuration)
            .AddBackendAnswerBounds()
            .AddTransforms(context => context.RequestTransforms.Add(stripping));
        services.AddSingleton<IProxyConfigProvider, DerivedRoutes>();
        return services;
    }

    public static IEndpointConventionBuilder MapGatewayProxy(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReverseProxy(proxy =>
        {
            // Outermost, so a failure anywhere in forwarding reaches callers as a gRPC status or JSON status.
            proxy.Use(ProxyErrorMapping.InvokeAsync);
            proxy.Use(GrpcOnlyRoutes.InvokeAsync);
            proxy.Use(WholeRequestBody.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}
