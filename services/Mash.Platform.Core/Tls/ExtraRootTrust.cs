using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mash.Platform.Tls;

/// <summary>
/// TLS server validation that trusts the machine's roots and, besides them, one certificate given
/// by file: a development node's loopback certificate or a partnership's private authority. The
/// host name is always checked; only the chain may end at the extra certificate.
/// </summary>
/// <remarks>Compiled into the CLI too (a linked file): it references none of the platform's dependencies.</remarks>
public static class ExtraRootTrust
{
    /// <summary>A handler for HttpClient or a gRPC channel; with no file, the machine's roots alone.</summary>
    public static SocketsHttpHandler Handler(string? certificatePath)
    {
        var handler = new SocketsHttpHandler();
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = Callback(Load(certificatePath));
        }

        return handler;
    }

    public static RemoteCertificateValidationCallback Callback(X509Certificate2 root) => (_, presented, _, errors) =>
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A wrong host name or no certificate at all is never forgiven, whoever issued it.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || presented is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return chain.Build(leaf);
    };

    /// <summary>The certificate in a PEM or DER file, or a clear error naming the file.</summary>
    public static X509Certificate2 Load(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"The certificate to trust, {path}, cannot be read: {e.Message}", e);
        }
    }
}
