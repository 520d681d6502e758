namespace Mash.Gateway.RateLimits;

/// <summary>
/// Configuration section <c>Mash:Gateway:RateLimit</c>: a token bucket per agency. The
/// defaults are generous so benchmarks measure the services, not the limiter.
/// </summary>
public sealed record AgencyRateLimitOptions
{
    public int PermitsPerSecond { get; init; } = 500;

    public int Burst { get; init; } = 1000;
}
