using System.Security.Cryptography;
using System.Text;
using Mash.Gateway.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>
/// Tokens that must be refused. Most are signed with the gateway's real key (read from its data
/// directory), so each is wrong in exactly one way; one is signed with a stranger's key.
/// </summary>
internal static class TokenForger
{
    public const string Issuer = "http://127.0.0.1:5100/";
    public const string Audience = "api://mash";

    public static string SignedWith(string dataDirectory, string issuer = Issuer, string audience = Audience, DateTime? expires = null)
    {
        using var key = LocalSigningKey.LoadOrCreate(dataDirectory);
        return Create(key.SigningCredentials, issuer, audience, expires);
    }

    /// <summary>Signed by another RSA key that claims the gateway's kid.</summary>
    public static string SignedByStranger(string dataDirectory)
    {
        using var key = LocalSigningKey.LoadOrCreate(dataDirectory);
        using var rsa = RSA.Create(2048);
        return Create(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256), Issuer, Audience, null);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(Claims(Issuer, Audience, DateTime.UtcNow.AddHours(1)));
        return $"{header}.{payload}.";
    }

    /// <summary>A genuine token with one byte of its payload changed.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = payload.Replace("\"police\"", "\"probation\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, changed);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(changed)}.{parts[2]}";
    }

    private static string Create(SigningCredentials credentials, string issuer, string audience, DateTime? expires)
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(Claims(issuer, audience, expiry), credentials);
    }

    private static string Claims(string issuer, string audience, DateTime expires)
    {
        var notBefore = new DateTimeOffset(expires.AddHours(-2)).ToUnixTimeSeconds();
        return $$"""
            {"iss":"{{issuer}}","aud":"{{audience}}","sub":"police-mash","azp":"police-mash",
             "roles":["Referral.Submit","Referral.Read"],"mash_agency":"police",
             "iat":{{notBefore}},"nbf":{{notBefore}},"exp":{{new DateTimeOffset(expires).ToUnixTimeSeconds()}},"jti":"{{Guid.NewGuid():N}}"}
            """;
    }
}
