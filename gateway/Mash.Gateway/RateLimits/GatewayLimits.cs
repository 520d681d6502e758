using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Grpc.Core;
using Mash.Gateway.Auth;
using Mash.Platform.Auth;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.RateLimiting;

namespace Mash.Gateway.RateLimits;

/// <summary>Per-agency call limits on proxied routes, and a per-address limit on the token endpoint.</summary>
internal static class GatewayLimits
{
    public const string TokenEndpointPolicy = "token-endpoint";

    public static IServiceCollection AddGatewayLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GatewayOptions.Section);
        services.Configure<GatewayOptions>(section);
        var agencyLimit = (section.Get<GatewayOptions>() ?? new GatewayOptions()).RateLimit;
        var tokenLimit = configuration.GetSection(LocalIssuerOptions.Section).Get<LocalIssuerOptions>() ?? new LocalIssuerOptions();

        services.AddRateLimiter(limiter =>
        {
            // Only callers that passed authorization reach the limiter, so the agency claim is validated.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(MashClaims.Agency)?.Value is { } agency
                    ? RateLimitPartition.GetTokenBucketLimiter(agency, _ => Bucket(agencyLimit.PermitsPerSecond, agencyLimit.Burst))
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(TokenEndpointPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                _ => Bucket(tokenLimit.TokenRequestsPerSecond, tokenLimit.TokenRequestBurst)));
            limiter.OnRejected = (rejected, _) => new ValueTask(OnRejectedAsync(rejected.HttpContext, rejected.Lease, agencyLimit));
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokensPerPeriod = Math.Max(1, perSecond),
        TokenLimit = Math.Max(1, burst),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static Task OnRejectedAsync(HttpContext context, RateLimitLease lease, AgencyRateLimitOptions limit)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var agency = context.User.FindFirst(MashClaims.Agency)?.Value;
        if (agency is null)
        {
            // The token endpoint, limited per address: its callers speak OAuth, not gRPC.
            return JsonStatusWriter.WriteAsync(context, StatusCode.ResourceExhausted, "Too many token requests from this address; retry later.");
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayLimits));
        GatewayLog.AgencyRateLimited(logger, agency, limit.PermitsPerSecond, limit.Burst);
        var message = $"Agency '{agency}' is over its gateway rate limit of {limit.PermitsPerSecond} calls per second (burst {limit.Burst}); retry later.";
        return CallerStatus.WriteAsync(context, StatusCode.ResourceExhausted, message);
    }
}
