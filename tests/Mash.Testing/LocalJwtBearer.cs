using Mash.Platform.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mash.Testing;

/// <summary>
/// Points a service host's "Local" JwtBearer scheme at <see cref="TestTokens"/>. The
/// configuration is static, so the host never fetches metadata from an issuer that is not running.
/// </summary>
public static class LocalJwtBearer
{
    public static IWebHostBuilder TrustTestTokens(this IWebHostBuilder builder, TestTokens tokens) =>
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(MashAuthentication.LocalScheme, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            configuration.SigningKeys.Add(tokens.Key);
            jwt.Configuration = configuration;
            jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
}
