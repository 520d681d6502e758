namespace Mash.Gateway;

/// <summary>
/// The gateway's log events. Client ids and agencies are logged; secrets, tokens and
/// anything from a request body never are.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "Issued a {Lifetime} token to client {ClientId} ({Agency})")]
    public static partial void TokenIssued(ILogger logger, string clientId, string agency, TimeSpan lifetime);

    [LoggerMessage(2, LogLevel.Warning, "Refused a token request: {Error}")]
    public static partial void TokenRefused(ILogger logger, string error);

    [LoggerMessage(3, LogLevel.Information, "Local development issuer serving clients {ClientIds}; generated secrets are kept in {Path}")]
    public static partial void LocalIssuerReady(ILogger logger, string clientIds, string path);

    [LoggerMessage(4, LogLevel.Warning, "Agency {Agency} exceeded its rate limit of {PermitsPerSecond}/s (burst {Burst})")]
    public static partial void AgencyRateLimited(ILogger logger, string agency, int permitsPerSecond, int burst);

    [LoggerMessage(5, LogLevel.Warning, "Refused a request body of {Length} bytes, over the limit of {Limit}")]
    public static partial void RequestTooLarge(ILogger logger, long? length, long limit);

    [LoggerMessage(6, LogLevel.Warning, "Proxying {Path} to cluster {Cluster} failed: {Error}; answered {Status}")]
    public static partial void ProxyFailed(ILogger logger, Exception? exception, string path, string cluster, string error, string status);
}
