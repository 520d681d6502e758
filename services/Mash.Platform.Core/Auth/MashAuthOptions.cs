namespace Mash.Platform.Auth;

/// <summary>Configuration section <c>Mash:Auth</c>: which tokens a service or the gateway accepts.</summary>
public sealed record MashAuthOptions
{
    public const string Section = "Mash:Auth";

    /// <summary>The audience every token must carry (the Entra ID application ID URI in production).</summary>
    public string Audience { get; init; } = "api://mash";

    public LocalIssuerTrust LocalIssuer { get; init; } = new();

    /// <summary>Entra ID client (application) ids mapped to the agency they act for, for tokens without a mash_agency claim.</summary>
    public Dictionary<string, string> ClientAgencies { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Entra ID client ids of schools mapped to the school's unique reference number, for tokens without a mash_school_urn claim.</summary>
    public Dictionary<string, string> ClientSchools { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Trust in the development issuer that the gateway hosts outside Production.</summary>
public sealed record LocalIssuerTrust
{
    public bool Enabled { get; init; } = true;

    /// <summary>The issuer name in the tokens' iss claim.</summary>
    public string Issuer { get; init; } = "http://127.0.0.1:5100/";

    /// <summary>Where services fetch the issuer's signing keys (OpenID discovery, served by the gateway).</summary>
    public string MetadataAddress { get; init; } = "http://127.0.0.1:5101/.well-known/openid-configuration";

    /// <summary>
    /// A certificate (PEM or DER file) trusted, besides the machine's roots, for an https
    /// <see cref="MetadataAddress"/>: the launcher's loopback certificate under <c>--tls</c>.
    /// </summary>
    public string? TrustedCertificatePath { get; init; }
}
