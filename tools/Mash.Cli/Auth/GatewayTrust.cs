namespace Mash.Cli;

/// <summary>
/// Which certificate, besides the machine's roots, the CLI trusts for an https gateway:
/// <c>--cacert</c> (or <c>MASH_CACERT</c>), else the certificate named in the node.json of the
/// launcher's node serving <c>--gateway</c> (its <c>--tls</c> loopback certificate), else none.
/// </summary>
internal static class GatewayTrust
{
    public static string? CertificateFor(CliSettings settings)
    {
        if (settings.CaCertificate is not null)
        {
            return File.Exists(settings.CaCertificate)
                ? settings.CaCertificate
                : throw new UsageException($"--cacert {settings.CaCertificate}: no such file");
        }

        if (settings.Gateway.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var dataDirectory = settings.DataDirectory is null ? DevClientSecretsFile.DefaultDataDirectory() : Path.GetFullPath(settings.DataDirectory);
        var folders = NodeFolder.IsNodeFolder(dataDirectory) ? [dataDirectory] : DevClientSecretsFile.NodeFoldersUnder(dataDirectory);
        return folders.Select(NodeFolder.Read)
            .Where(node => node.GatewayFromFile && node.Serves(settings.Gateway) && node.TlsCertificate is not null && File.Exists(node.TlsCertificate))
            .Select(node => node.TlsCertificate)
            .FirstOrDefault();
    }
}
