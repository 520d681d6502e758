using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mash.Platform.Auth;
using Mash.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mash.Platform.Tests.Auth;

/// <summary>The platform's two token schemes: the local development issuer's, and Entra ID's.</summary>
public enum TokenScheme
{
    Local,
    Entra,
}

/// <summary>
/// An app with only the platform's authentication and authorization and one endpoint, on a test
/// server, trusting <see cref="TestTokens"/> through one scheme. Entra ID is given a static
/// configuration, so its scheme validates with no network.
/// </summary>
internal sealed class TokenCheckingApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private TokenCheckingApp(WebApplication app)
    {
        _app = app;
        _client = app.GetTestClient();
    }

    /// <summary>Tokens this app remembered after validating them.</summary>
    public long Validations => _app.Services.GetRequiredService<ValidatedTokenCache>().Validations;

    public static async Task<TokenCheckingApp> StartAsync(TestTokens tokens, TokenScheme scheme)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(scheme == TokenScheme.Local ? LocalSettings : EntraSettings);
        builder.Services.AddMashAuthorization([]);
        if (scheme == TokenScheme.Local)
        {
            builder.AddMashAuthentication(jwt => jwt.Configuration = ConfigurationOf(tokens));
        }
        else
        {
            builder.AddMashAuthentication();
            builder.Services.PostConfigure<JwtBearerOptions>(MashAuthentication.EntraScheme, jwt => TrustOffline(jwt, tokens));
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/caller", (HttpContext context) => CallerIdentity.ClientIdOf(context.User));
        await app.StartAsync();
        return new TokenCheckingApp(app);
    }

    /// <summary>Calls the endpoint with this bearer token: the status, and the caller's id or the refusal's message.</summary>
    public async Task<(HttpStatusCode Status, string Body)> CallAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/caller");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("message").GetString() ?? ""
            : body);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private static readonly Dictionary<string, string?> LocalSettings = new()
    {
        ["Mash:Auth:LocalIssuer:Issuer"] = TestTokens.Issuer,
    };

    private static readonly Dictionary<string, string?> EntraSettings = new()
    {
        ["Mash:Auth:LocalIssuer:Enabled"] = "false",
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "8f0e4b1c-0000-4000-8000-0000000000aa",
        ["AzureAd:ClientId"] = "8f0e4b1c-0000-4000-8000-0000000000bb",
        ["AzureAd:Audience"] = TestTokens.Audience,
    };

    private static OpenIdConnectConfiguration ConfigurationOf(TestTokens tokens)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
        configuration.SigningKeys.Add(tokens.Key);
        return configuration;
    }

    /// <summary>What Microsoft.Identity.Web would fetch from Entra ID, given instead.</summary>
    private static void TrustOffline(JwtBearerOptions jwt, TestTokens tokens)
    {
        var configuration = ConfigurationOf(tokens);
        jwt.Configuration = configuration;
        jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        jwt.TokenValidationParameters.IssuerValidator = null;
        jwt.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
        jwt.TokenValidationParameters.IssuerSigningKey = tokens.Key;
        jwt.TokenValidationParameters.ValidAudience = TestTokens.Audience;
    }
}
