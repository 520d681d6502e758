using Mash.Gateway.RateLimits;

namespace Mash.Gateway;

/// <summary>Configuration section <c>Mash:Gateway</c>: what the gateway lets through to the services.</summary>
public sealed record GatewayOptions
{
    public const string Section = "Mash:Gateway";

    /// <summary>The largest request body proxied, in bytes (the services refuse larger messages anyway).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public AgencyRateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// Request headers removed before proxying, on top of the built-in identity headers
    /// (which cannot be switched off); a trailing <c>*</c> makes a name a prefix.
    /// </summary>
    public IReadOnlyList<string> StrippedRequestHeaders { get; init; } = [];
}
