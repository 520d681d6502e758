namespace Mash.Gateway.Tls;

internal static partial class TlsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loaded the renewed TLS certificate {Path}, valid to {NotAfter:u}")]
    public static partial void CertificateReloaded(ILogger logger, string path, DateTime notAfter);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Kept the TLS certificate in use: the renewed one was refused. {Reason}")]
    public static partial void CertificateReloadRefused(ILogger logger, string reason);
}
