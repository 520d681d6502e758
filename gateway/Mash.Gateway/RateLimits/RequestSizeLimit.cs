using Grpc.Core;
using Mash.Gateway.Routes;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Mash.Gateway.RateLimits;

/// <summary>
/// Refuses request bodies over <c>Mash:Gateway:MaxRequestBodyBytes</c>. A declared length is
/// refused at once; a streamed body fails once it reads past the limit while YARP forwards
/// it, and that failure is turned into a gRPC status by <see cref="ProxyErrorMapping"/>.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var maxBytes = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestSizeLimit));
            GatewayLog.RequestTooLarge(logger, context.Request.ContentLength, maxBytes);
            await CallerStatus.WriteAsync(context, StatusCode.ResourceExhausted, ProxyErrorMapping.RequestSizeMessage(maxBytes), StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        // Kestrel's limit above is lifted again by YARP for gRPC (streaming) requests.
        context.Request.Body = new LengthLimitedStream(context.Request.Body, maxBytes);

        await next(context);
    });
}
