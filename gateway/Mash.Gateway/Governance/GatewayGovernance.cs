using Mash.Platform.Errors;

namespace Mash.Gateway.Governance;

/// <summary>
/// The node's governance answers (mash.governance.v1.GovernanceService) and figures (mash.figures.v1.FiguresService),
/// served by the gateway over every service.
/// </summary>
internal static class GatewayGovernance
{
    public static IServiceCollection AddGatewayGovernance(this IServiceCollection services)
    {
        // The services' own checks (errors, limits), and REST/JSON on the gateway's HTTP port.
        services.AddGrpc(grpc => grpc.AddMashRequestChecks()).AddJsonTranscoding();
        services.AddSingleton<NodeServices>();
        services.AddSingleton<ServiceFanOut>();
        services.AddSingleton<CaseExportDocument>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapGatewayGovernance(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<NodeGovernanceGrpcService>();
        endpoints.MapGrpcService<NodeFiguresGrpcService>();
        return endpoints;
    }
}
