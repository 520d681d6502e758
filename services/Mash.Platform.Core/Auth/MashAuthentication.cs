using Mash.Platform.Tls;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Platform.Auth;

/// <summary>
/// JWT validation shared by the gateway and every service: Entra ID through
/// Microsoft.Identity.Web when <c>AzureAd:ClientId</c> is configured, and the local
/// development issuer outside Production. A policy scheme picks one by the token's issuer,
/// so neither scheme ever sees the other's tokens (and no network is needed for local ones).
/// </summary>
public static class MashAuthentication
{
    public const string PolicyScheme = "Mash";
    public const string LocalScheme = "Local";
    public const string EntraScheme = "EntraId";

    public static AuthenticationBuilder AddMashAuthentication(
        this WebApplicationBuilder builder, Action<JwtBearerOptions>? configureLocal = null)
    {
        var section = builder.Configuration.GetSection(MashAuthOptions.Section);
        builder.Services.Configure<MashAuthOptions>(section);
        var options = section.Get<MashAuthOptions>() ?? new MashAuthOptions();
        var entraConfigured = !string.IsNullOrWhiteSpace(builder.Configuration["AzureAd:ClientId"]);
        var localEnabled = options.LocalIssuer.Enabled && !builder.Environment.IsProduction();

        if (!entraConfigured && !localEnabled)
        {
            throw new InvalidOperationException(
                "No token issuer is trusted: configure AzureAd (Entra ID) in Production, or enable Mash:Auth:LocalIssuer elsewhere.");
        }

        builder.Services.AddTransient<IClaimsTransformation, AgencyClaimsTransformation>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ValidatedTokenCache>();
        var authentication = builder.Services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Entra ID or the local issuer", policy =>
                // With one issuer there is nothing to choose: the token is not read here (a parse per call) but
                // only once, by the scheme that validates it.
                policy.ForwardDefaultSelector = context =>
                    !entraConfigured || (localEnabled && IssuerOf(context.Request.Headers.Authorization.ToString()) == options.LocalIssuer.Issuer)
                        ? LocalScheme
                        : EntraScheme);

        if (localEnabled)
        {
            authentication.AddJwtBearer(LocalScheme, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.MetadataAddress = options.LocalIssuer.MetadataAddress;
                jwt.RequireHttpsMetadata = options.LocalIssuer.MetadataAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                if (options.LocalIssuer.TrustedCertificatePath is { Length: > 0 } trusted)
                {
                    jwt.BackchannelHttpHandler = ExtraRootTrust.Handler(trusted);
                }

                jwt.TokenValidationParameters = StrictParameters(options.LocalIssuer.Issuer, options.Audience);
                configureLocal?.Invoke(jwt);
            });
        }

        if (entraConfigured)
        {
            authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), jwtBearerScheme: EntraScheme);
            builder.Services.PostConfigure<JwtBearerOptions>(EntraScheme, jwt =>
            {
                jwt.TokenValidationParameters.RoleClaimType = MashClaims.Roles;
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                jwt.TokenValidationParameters.IgnoreTrailingSlashWhenValidatingAudience = false;
            });
        }

        // After Microsoft.Identity.Web's own events, and the cache last: a remembered token has
        // passed all of them, the date check included.
        foreach (var scheme in new[] { LocalScheme, EntraScheme })
        {
            builder.Services.AddOptions<JwtBearerOptions>(scheme)
                .PostConfigure<ValidatedTokenCache>((jwt, cache) =>
                {
                    NumericTokenDates.Attach(jwt);
                    cache.Attach(jwt, scheme);
                });
        }

        return authentication;
    }

    /// <summary>Validation that refuses anything but a signed, current RS256 token for us.</summary>
    public static TokenValidationParameters StrictParameters(string issuer, string audience) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        // "api://mash/" is another audience, though Microsoft.IdentityModel would accept it.
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        RoleClaimType = MashClaims.Roles,
        NameClaimType = MashClaims.AuthorizedParty,
    };

    /// <summary>The unvalidated iss of a bearer token, only to pick the scheme that validates it.</summary>
    private static string? IssuerOf(string authorization)
    {
        if (BearerToken(authorization) is not { } token)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    internal static string? BearerToken(string? authorization)
    {
        const string prefix = "Bearer ";
        return authorization is not null && authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[prefix.Length..].Trim()
            : null;
    }
}
