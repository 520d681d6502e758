using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mash.Node.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Testing.Nodes;

/// <summary>
/// Tokens an attacker or a misconfigured partner might send. Most are signed with the node's
/// real signing key (read from its data folder), so only the one thing under test is wrong.
/// </summary>
public sealed class ForgedTokens(NodeOptions node)
{
    public ForgedTokens(NodeFixture node)
        : this(node.Options)
    {
    }

    private const string Audience = "api://mash";
    private static readonly string[] AllReferralRoles = ["Referral.Submit", "Referral.Read", "Referral.Screen", "Referral.Decide"];

    private JsonWebKey RealKey()
    {
        var key = new JsonWebKey(File.ReadAllText(Path.Combine(node.NodeDataDirectory, "gateway", "local-issuer-signing-key.json")));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private string Issuer => node.GatewayAddress + "/";

    public string SignedWith(SecurityKey key, string algorithm, string? issuer = null, string audience = Audience,
        DateTime? notBefore = null, DateTime? expires = null, IEnumerable<string>? roles = null,
        string agency = "police", string clientId = "police-mash", string? schoolUrn = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["azp"] = clientId,
            ["sub"] = clientId,
            ["mash_agency"] = agency,
            ["roles"] = (roles ?? AllReferralRoles).ToArray(),
        };
        if (schoolUrn is not null)
        {
            claims["mash_school_urn"] = schoolUrn;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>
    /// A valid token, signed with the node's key, carrying exactly these roles; a school's role comes
    /// with a school's reference number, as a school's client always has one.
    /// </summary>
    public string WithRoles(IEnumerable<string> roles, string agency = "police", string clientId = "police-mash")
    {
        var list = roles.ToList();
        return SignedWith(RealKey(), SecurityAlgorithms.RsaSha256, roles: list, agency: agency, clientId: clientId,
            schoolUrn: list.Contains(Mash.Platform.Auth.MashRoles.EncompassSchool) ? "100000" : null);
    }

    public string Expired() => SignedWith(RealKey(), SecurityAlgorithms.RsaSha256,
        notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));

    public string NotYetValid() => SignedWith(RealKey(), SecurityAlgorithms.RsaSha256,
        notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(2));

    public string WrongAudience() => SignedWith(RealKey(), SecurityAlgorithms.RsaSha256, audience: "api://someone-else");

    /// <summary>Our audience plus a slash: a near miss that a lenient validator treats as a match.</summary>
    public string AudienceWithTrailingSlash(IEnumerable<string>? roles = null) =>
        SignedWith(RealKey(), SecurityAlgorithms.RsaSha256, audience: Audience + "/", roles: roles);

    /// <summary>
    /// A valid token but for one date (exp, nbf or iat) written as a JSON string of digits, which
    /// the standard does not allow. Built claim by claim: a token handler writes dates as numbers.
    /// </summary>
    public string DateAsString(string claim, IEnumerable<string>? roles = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 1800,
            ["azp"] = "police-mash",
            ["sub"] = "police-mash",
            ["mash_agency"] = "police",
            ["roles"] = (roles ?? AllReferralRoles).ToArray(),
        };
        payload[claim] = payload[claim].ToString()!;
        return new JsonWebTokenHandler().CreateToken(
            JsonSerializer.Serialize(payload), new SigningCredentials(RealKey(), SecurityAlgorithms.RsaSha256));
    }

    public string WrongIssuer() => SignedWith(RealKey(), SecurityAlgorithms.RsaSha256, issuer: "https://issuer.example/");

    public string UnknownKey()
    {
        using var rsa = RSA.Create(2048);
        return SignedWith(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "not-the-gateways" }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>HS256 keyed with the public key: accepted only by validators that confuse key types.</summary>
    public string HmacWithPublicKey()
    {
        var publicKey = RealKey();
        var secret = Encoding.UTF8.GetBytes(publicKey.N + publicKey.E);
        return SignedWith(new SymmetricSecurityKey(secret) { KeyId = publicKey.KeyId }, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>A valid token's claims with an unsigned "alg: none" header.</summary>
    public static string AlgNone(string validToken)
    {
        var parts = validToken.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>A valid token whose payload was changed after signing (an agency swapped in).</summary>
    public static string Tampered(string validToken)
    {
        var parts = validToken.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"police\"", "\"health\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
