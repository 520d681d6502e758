using Mash.Gateway.Auth;
using Mash.Gateway.Governance;
using Mash.Gateway.RateLimits;
using Mash.Gateway.Routes;
using Mash.Gateway.Tls;
using Mash.Gateway;
using Mash.Platform.Errors;
using Mash.Platform.Hosting;
using Mash.Platform.Rest;
using Mash.Platform.Telemetry;
using Microsoft.Extensions.Hosting;

namespace Mash.Gateway;

/// <summary>The gateway as a host runs it: in a process of its own (Program.cs), or beside its node's services in one process.</summary>
public static class GatewayApp
{
    public static async Task RunAsync(string[] args, CancellationToken stop = default)
    {
        var builder = MashHost.CreateBuilder(args);
        builder.AddMashTelemetry("mash-gateway");
        builder.AddGatewayAuthentication();
        builder.AddGatewayTls();
        builder.Services.AddGatewayLimits(builder.Configuration);
        builder.Services.AddGatewayProxy(builder.Configuration);
        builder.Services.AddGatewayReflection(builder.Environment);
        builder.Services.AddGatewayGovernance();

        var app = builder.Build();
        app.UseNoDetailsForUnhandledErrors();
        app.UseGatewayTls();
        // Oversized bodies are refused before any token is validated; the limiter needs the caller's agency.
        app.UseRequestSizeLimit();
        app.UseUnforwardableHeaderRefusal();
        app.UseNoChildIdentityInUrl();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Only the gateway's own gRPC endpoints (GovernanceService): proxied calls are checked by their services.
        app.UseGrpcRequestGuard();
        app.MapLocalIssuer();
        app.MapGatewayHealth();
        app.MapGatewayProxy();
        app.MapGatewayReflection();
        app.MapGatewayGovernance();
        app.MapRestFallback();
        // IHost's RunAsync: WebApplication's own takes a URL, not a token.
        await HostingAbstractionsHostExtensions.RunAsync(app, stop);
    }
}
