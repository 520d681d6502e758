using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.Platform.Hosting;

/// <summary>
/// gRPC server reflection, so grpcurl and Postman can list a service's RPCs and message shapes,
/// in Development only. In Production what partners may call is the published contracts
/// (<c>protos/</c>); a server that describes itself to anyone who asks is one more surface.
/// Reflection reveals schemas only, never data, so it needs no token where it is on.
/// </summary>
public static class DevelopmentReflection
{
    public static IServiceCollection AddDevelopmentReflection(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            services.AddGrpcReflection();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapDevelopmentReflection(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }
}
