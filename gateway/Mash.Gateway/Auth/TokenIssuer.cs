using System.Security.Cryptography;
using Mash.Platform.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Gateway.Auth;

/// <summary>Signs access tokens shaped like Entra ID app-only tokens, plus the caller's agency.</summary>
internal sealed class TokenIssuer(
    LocalSigningKey key, IOptions<MashAuthOptions> trust, IOptions<LocalIssuerOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(DevClient client, IReadOnlyList<string> roles)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [MashClaims.Subject] = client.ClientId,
            [MashClaims.AuthorizedParty] = client.ClientId,
            [MashClaims.Roles] = roles.ToArray(),
            [MashClaims.Agency] = client.Agency,
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        };
        if (!string.IsNullOrEmpty(client.SchoolUrn))
        {
            claims[MashClaims.SchoolUrn] = client.SchoolUrn;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = trust.Value.LocalIssuer.Issuer,
            Audience = trust.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = key.SigningCredentials,
            Claims = claims,
        });
    }
}
