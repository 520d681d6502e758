using Mash.Gateway.RateLimits;

namespace Mash.Gateway.Auth;

internal static class LocalIssuerEndpoints
{
    /// <summary>The issuer's endpoints, anonymous by nature (the fallback policy demands a token elsewhere).</summary>
    public static WebApplication MapLocalIssuer(this WebApplication app)
    {
        var registry = app.Services.GetService<DevClientRegistry>();
        if (registry is null)
        {
            return app;
        }

        var dataDirectory = Mash.Platform.Hosting.MashDataDirectory.Resolve(app.Configuration);
        GatewayLog.LocalIssuerReady(app.Logger, string.Join(", ", registry.Clients.Select(c => c.ClientId)), DevClientSecrets.PathIn(dataDirectory));

        app.MapPost(TokenEndpoint.Path, TokenEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(GatewayLimits.TokenEndpointPolicy);
        app.MapGet(DiscoveryEndpoints.ConfigurationPath, DiscoveryEndpoints.Configuration).AllowAnonymous();
        app.MapGet(DiscoveryEndpoints.JwksPath, DiscoveryEndpoints.Jwks).AllowAnonymous();
        app.MapOtherMethods(TokenEndpoint.Path, HttpMethods.Post);
        app.MapOtherMethods(DiscoveryEndpoints.ConfigurationPath, HttpMethods.Get);
        app.MapOtherMethods(DiscoveryEndpoints.JwksPath, HttpMethods.Get);
        return app;
    }
}
