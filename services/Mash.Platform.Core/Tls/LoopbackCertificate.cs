using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mash.Platform.Tls;

/// <summary>
/// A self-signed certificate for this machine's loopback addresses (127.0.0.1, ::1, localhost),
/// written as PEM files the way a kubernetes.io/tls Secret mounts them. For a node run on one
/// machine (the launcher's <c>--tls</c>) and tests; partners never trust it, so it never serves
/// them: production mounts a certificate from the partnership's own authority.
/// </summary>
public static class LoopbackCertificate
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>How long before its end a certificate is replaced rather than reused.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    /// <summary>Writes <c>{name}.crt</c> and <c>{name}.key</c> (the key readable by its owner only) into <paramref name="folder"/>.</summary>
    public static (string Certificate, string Key) Write(string folder, string name, DateTimeOffset notBefore, DateTimeOffset notAfter, string? subject = null)
    {
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject ?? name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);

        var (certificatePath, keyPath) = (Path.Combine(folder, name + ".crt"), Path.Combine(folder, name + ".key"));
        WriteOwnerOnly(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        return (certificatePath, keyPath);
    }

    /// <summary>
    /// The pair in <paramref name="folder"/> while it loads and has more than <see cref="RenewBefore"/>
    /// left; otherwise a new one, valid for a year, so a node restarted tomorrow keeps the certificate
    /// its clients already trust.
    /// </summary>
    public static (string Certificate, string Key) ReadOrCreate(string folder, string name, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var (certificatePath, keyPath) = (Path.Combine(folder, name + ".crt"), Path.Combine(folder, name + ".key"));
        if (StillGood(certificatePath, keyPath, now))
        {
            return (certificatePath, keyPath);
        }

        return Write(folder, name, now.AddMinutes(-5), now.AddYears(1));
    }

    private static bool StillGood(string certificatePath, string keyPath, DateTimeOffset now)
    {
        try
        {
            using var existing = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            return existing.NotBefore.ToUniversalTime() <= now.UtcDateTime && existing.NotAfter.ToUniversalTime() - RenewBefore > now.UtcDateTime;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
