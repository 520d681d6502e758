using Mash.Platform.Auth;
using Mash.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mash.Gateway.Auth;

internal static class GatewayAuthentication
{
    /// <summary>
    /// Token validation (Entra ID and/or the local issuer), the role policies of every proxied
    /// route, and the local development issuer itself unless it is switched off.
    /// </summary>
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddMashAuthorization(MashRoles.All);
        var section = builder.Configuration.GetSection(LocalIssuerOptions.Section);
        var issuer = section.Get<LocalIssuerOptions>() ?? new LocalIssuerOptions();
        if (!issuer.Enabled)
        {
            builder.AddMashAuthentication();
            return builder;
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "The local development token issuer must not run in Production: its clients and keys are for development only. "
                + "Set Mash:LocalIssuer:Enabled=false and configure AzureAd (Entra ID), or set ASPNETCORE_ENVIRONMENT=Development for local work.");
        }

        var dataDirectory = MashDataDirectory.Resolve(builder.Configuration);
        var key = LocalSigningKey.LoadOrCreate(dataDirectory);
        builder.Services.Configure<LocalIssuerOptions>(section);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton(new DevClientRegistry(DevClientSecrets.Resolve(issuer.Clients, dataDirectory)));
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var trust = builder.Configuration.GetSection(MashAuthOptions.Section).Get<MashAuthOptions>() ?? new MashAuthOptions();
        // The gateway is the issuer: it trusts its own key directly instead of fetching its own metadata.
        builder.AddMashAuthentication(configureLocal: jwt => jwt.Configuration = new OpenIdConnectConfiguration
        {
            Issuer = trust.LocalIssuer.Issuer,
            SigningKeys = { key.PublicKey },
        });
        return builder;
    }
}
