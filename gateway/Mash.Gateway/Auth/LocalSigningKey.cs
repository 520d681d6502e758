using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mash.Platform.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Gateway.Auth;

/// <summary>
/// The local issuer's RSA key, generated on first run and kept (as a private JWK) in
/// <c>{DataDirectory}/gateway/local-issuer-signing-key.json</c>, so tokens outlive restarts.
/// The kid is the key's RFC 7638 thumbprint: stable for the key, different for any other.
/// </summary>
internal sealed class LocalSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private LocalSigningKey(RSAParameters parameters)
    {
        _rsa = RSA.Create(parameters);
        PublicKey = new RsaSecurityKey(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });
        KeyId = Base64UrlEncoder.Encode(PublicKey.ComputeJwkThumbprint());
        PublicKey.KeyId = KeyId;
        // A factory of its own: the shared one caches signers by key, and would hand a later
        // instance of the same key (after an in-process restart) this one's disposed RSA.
        var signingKey = new RsaSecurityKey(_rsa) { KeyId = KeyId, CryptoProviderFactory = new CryptoProviderFactory() };
        SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public RsaSecurityKey PublicKey { get; }

    public SigningCredentials SigningCredentials { get; }

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "gateway", "local-issuer-signing-key.json");

    public static LocalSigningKey LoadOrCreate(string dataDirectory)
    {
        var json = LocalSecretFile.ReadOrCreate(PathIn(dataDirectory), () =>
        {
            using var rsa = RSA.Create(2048);
            return JsonSerializer.Serialize(PrivateJwk.From(rsa.ExportParameters(includePrivateParameters: true)));
        });
        var jwk = JsonSerializer.Deserialize<PrivateJwk>(json)
            ?? throw new InvalidOperationException("The local issuer's signing key file is empty.");
        return new LocalSigningKey(jwk.ToParameters());
    }

    public void Dispose() => _rsa.Dispose();

    private sealed record PrivateJwk(
        [property: JsonPropertyName("kty")] string Kty,
        [property: JsonPropertyName("n")] string N,
        [property: JsonPropertyName("e")] string E,
        [property: JsonPropertyName("d")] string D,
        [property: JsonPropertyName("p")] string P,
        [property: JsonPropertyName("q")] string Q,
        [property: JsonPropertyName("dp")] string DP,
        [property: JsonPropertyName("dq")] string DQ,
        [property: JsonPropertyName("qi")] string QI)
    {
        public static PrivateJwk From(RSAParameters p) => new(
            "RSA", Encode(p.Modulus), Encode(p.Exponent), Encode(p.D), Encode(p.P), Encode(p.Q), Encode(p.DP), Encode(p.DQ), Encode(p.InverseQ));

        public RSAParameters ToParameters() => new()
        {
            Modulus = Base64UrlEncoder.DecodeBytes(N),
            Exponent = Base64UrlEncoder.DecodeBytes(E),
            D = Base64UrlEncoder.DecodeBytes(D),
            P = Base64UrlEncoder.DecodeBytes(P),
            Q = Base64UrlEncoder.DecodeBytes(Q),
            DP = Base64UrlEncoder.DecodeBytes(DP),
            DQ = Base64UrlEncoder.DecodeBytes(DQ),
            InverseQ = Base64UrlEncoder.DecodeBytes(QI),
        };

        private static string Encode(byte[]? value) => Base64UrlEncoder.Encode(value ?? throw new InvalidOperationException("Incomplete RSA key."));
    }
}
