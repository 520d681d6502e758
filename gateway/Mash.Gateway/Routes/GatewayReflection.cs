using Grpc.Reflection;
using Mash.Platform.Hosting;

namespace Mash.Gateway.Routes;

/// <summary>
/// gRPC server reflection at the gateway in Development, describing every service it routes
/// (from the contracts, as the services are behind it), so <c>grpcurl 127.0.0.1:5100 list</c>
/// works against a partner's address. Off in Production, as for the services
/// (<see cref="DevelopmentReflection"/>): a reflection call there is refused like any path the gateway does not route.
/// </summary>
internal static class GatewayReflection
{
    public static IServiceCollection AddGatewayReflection(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            services.AddGrpc();
            services.AddSingleton(new ReflectionServiceImpl(ContractCatalog.AllServices));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapGatewayReflection(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcService<ReflectionServiceImpl>().AllowAnonymous();
        }

        return app;
    }
}
