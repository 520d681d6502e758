using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Testing;

/// <summary>Signs tokens the way the local issuer does, with a key the test service trusts.</summary>
public sealed class TestTokens : IDisposable
{
    public const string Issuer = "http://127.0.0.1:5100/";
    public const string Audience = "api://mash";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestTokens() => Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

    public RsaSecurityKey Key { get; }

    public string Mint(
        string clientId, string agency, IEnumerable<string> roles, TimeSpan? lifetime = null, string audience = Audience, IReadOnlyDictionary<string, object>? moreClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["azp"] = clientId,
            ["sub"] = clientId,
            ["mash_agency"] = agency,
            ["roles"] = roles.ToArray(),
        };
        foreach (var (type, value) in moreClaims ?? new Dictionary<string, object>())
        {
            claims[type] = value;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>
    /// A token signed with the trusted key whose payload is exactly this JSON, written as given:
    /// for claims in a form the standard does not allow, such as an <c>exp</c> that is a string.
    /// </summary>
    public string SignPayload(string payloadJson) =>
        new JsonWebTokenHandler().CreateToken(payloadJson, new SigningCredentials(Key, SecurityAlgorithms.RsaSha256));

    public void Dispose() => _rsa.Dispose();
}
