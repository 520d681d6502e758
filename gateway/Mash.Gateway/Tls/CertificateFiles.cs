using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mash.Gateway.Tls;

/// <summary>
/// The gateway's certificate from its PEM files, read again when they change (a Kubernetes secret
/// is renewed in place); a renewed pair that does not load or has expired is ignored, and the
/// certificate in use kept, rather than failing every handshake.
/// </summary>
internal sealed class CertificateFiles(GatewayTlsOptions options, TimeProvider clock, ILogger<CertificateFiles> logger)
{
    private readonly Lock _gate = new();
    private X509Certificate2? _current;
    private (DateTime Certificate, DateTime Key) _loadedStamps;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>Loads the pair at start: a file that is missing, unreadable or holds an expired certificate stops the gateway, named.</summary>
    public void LoadAtStart()
    {
        lock (_gate)
        {
            (_current, _loadedStamps) = Load();
            _checkedAt = clock.GetUtcNow();
        }
    }

    /// <summary>The certificate for a handshake, after looking for a renewal at most once per check interval.</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now - _checkedAt >= options.CertificateCheckInterval)
                {
                    _checkedAt = now;
                    ReloadIfChanged();
                }

                return _current ?? throw new InvalidOperationException("The gateway's certificate was not loaded at start.");
            }
        }
    }

    private void ReloadIfChanged()
    {
        if (Stamps() == _loadedStamps)
        {
            return;
        }

        try
        {
            (_current, _loadedStamps) = Load();
            TlsLog.CertificateReloaded(logger, options.CertificatePath!, _current.NotAfter);
        }
        catch (InvalidOperationException refused)
        {
            TlsLog.CertificateReloadRefused(logger, refused.Message);
        }
    }

    private (DateTime, DateTime) Stamps() =>
        (File.GetLastWriteTimeUtc(options.CertificatePath!), File.GetLastWriteTimeUtc(options.KeyPath!));

    private (X509Certificate2, (DateTime, DateTime)) Load()
    {
        var certificatePath = options.CertificatePath!;
        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath)
            ? throw new InvalidOperationException($"{GatewayTlsOptions.Section}:KeyPath is not set: name the private key's PEM file beside {certificatePath}.")
            : options.KeyPath;
        var stamps = (File.GetLastWriteTimeUtc(certificatePath), File.GetLastWriteTimeUtc(keyPath));
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The TLS certificate {certificatePath} (key {keyPath}) cannot be read: {unreadable.Message}", unreadable);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (certificate.NotAfter.ToUniversalTime() <= now || certificate.NotBefore.ToUniversalTime() > now)
        {
            var notAfter = certificate.NotAfter.ToUniversalTime();
            var notBefore = certificate.NotBefore.ToUniversalTime();
            certificate.Dispose();
            throw new InvalidOperationException(
                $"The TLS certificate {certificatePath} is not valid now: valid from {notBefore:u} to {notAfter:u}.");
        }

        // Kestrel on Linux needs the key in a form SslStream can use: re-import as PKCS#12.
        using (certificate)
        {
            return (X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null), stamps);
        }
    }
}
