using Mash.Platform.Auth;
using Microsoft.Extensions.Options;

namespace Mash.Gateway.Auth;

/// <summary>OpenID discovery and the JWKS, from which the services learn the local issuer's public key.</summary>
internal static class DiscoveryEndpoints
{
    public const string ConfigurationPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";

    private static readonly string[] GrantTypes = ["client_credentials"];
    private static readonly string[] ClientAuthMethods = ["client_secret_post", "client_secret_basic"];
    private static readonly string[] ResponseTypes = ["token"];
    private static readonly string[] Algorithms = ["RS256"];
    private static readonly string[] Claims = ["sub", "azp", "roles", MashClaims.Agency];

    public static IResult Configuration(HttpRequest request, IOptions<MashAuthOptions> trust)
    {
        // Endpoints are named on the address the caller used, so either port's answer is usable.
        var origin = $"{request.Scheme}://{request.Host}";
        return Results.Json(new
        {
            issuer = trust.Value.LocalIssuer.Issuer,
            token_endpoint = origin + TokenEndpoint.Path,
            jwks_uri = origin + JwksPath,
            grant_types_supported = GrantTypes,
            token_endpoint_auth_methods_supported = ClientAuthMethods,
            response_types_supported = ResponseTypes,
            id_token_signing_alg_values_supported = Algorithms,
            claims_supported = Claims,
        });
    }

    /// <summary>The public half only: modulus and exponent, never d, p, q or the CRT values.</summary>
    public static IResult Jwks(LocalSigningKey key)
    {
        var parameters = key.PublicKey.Parameters;
        return Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    alg = "RS256",
                    kid = key.KeyId,
                    n = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }
}
