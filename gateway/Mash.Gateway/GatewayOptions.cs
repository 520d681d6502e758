using Mash.Gateway.RateLimits;

namespace Mash.Gateway;

/// <summary>Configuration section <c>Mash:Gateway</c>: what the gateway lets through to the services.</summary>
public sealed record GatewayOptions
{
    public const string Section = "Mash:Gateway";

    /// <summary>The largest request body proxied, in bytes (the services refuse larger messages anyway).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How long the gateway waits for a whole request body of a proxied call before answering
    /// DEADLINE_EXCEEDED (REST: 408).
    /// </summary>
    public int RequestBodyTimeoutSeconds { get; init; } = 30;

    public AgencyRateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// The most a service's answer headers or trailers may hold, in kilobytes. Past it .NET's
    /// HttpClient drops the whole HTTP/2 connection to that service, failing every agency's call
    /// on it; services bound their own statuses to 8 KB, so this is the margin for a faulty one.
    /// </summary>
    public int MaxBackendHeadersKilobytes { get; init; } = 1024;

    /// <summary>The longest status message (grpc-message) forwarded to a caller, in characters.</summary>
    public int MaxForwardedStatusMessage { get; init; } = 1_000;

    /// <summary>
    /// Request headers removed before proxying, on top of the built-in identity headers
    /// (which cannot be switched off); a trailing <c>*</c> makes a name a prefix.
    /// </summary>
    public IReadOnlyList<string> StrippedRequestHeaders { get; init; } = [];
}
