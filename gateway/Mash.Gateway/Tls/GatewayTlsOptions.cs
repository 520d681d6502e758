namespace Mash.Gateway.Tls;

/// <summary>
/// Configuration section <c>Mash:Gateway:Tls</c>: how partner traffic reaches the gateway over TLS
/// in Production. Either the gateway terminates TLS itself (<see cref="CertificatePath"/> and
/// <see cref="KeyPath"/>, PEM files from a mounted secret, picked up again when they change), or a
/// TLS-terminating proxy in front of it is trusted (<see cref="TrustedProxyNetworks"/>: its
/// X-Forwarded-Proto says whether the partner used TLS). With neither, Production refuses to start.
/// </summary>
public sealed record GatewayTlsOptions
{
    public const string Section = "Mash:Gateway:Tls";

    /// <summary>The certificate (PEM, with its chain), e.g. <c>/etc/mash/tls/tls.crt</c> from a kubernetes.io/tls Secret.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>Its private key (PEM), e.g. <c>/etc/mash/tls/tls.key</c>.</summary>
    public string? KeyPath { get; init; }

    /// <summary>How often a handshake may look for a renewed certificate on disk.</summary>
    public TimeSpan CertificateCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>CIDR ranges of the TLS-terminating proxy (e.g. the edge proxy's pod network).</summary>
    public IReadOnlyList<string> TrustedProxyNetworks { get; init; } = [];

    public bool TerminatesTls => !string.IsNullOrWhiteSpace(CertificatePath);
}
