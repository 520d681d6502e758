using Grpc.Core;
using Mash.Platform.Rest;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Mash.Gateway.Routes;

/// <summary>
/// YARP answers its own failures with bare HTTP codes (502, 504, 413...), which gRPC clients
/// can only guess at; this gives them a real grpc-status and a message they can act on, and
/// REST callers the matching HTTP status (503, 504, 413) with the same message as JSON.
/// </summary>
internal static class ProxyErrorMapping
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var failure = context.Features.Get<IForwarderErrorFeature>();
        if (failure is null || context.Response.HasStarted)
        {
            return;
        }

        var cluster = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var maxBytes = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        var (code, message) = failure.Error switch
        {
            ForwarderError.RequestBodyClient when IsTooLarge(failure.Exception) => (StatusCode.ResourceExhausted, RequestSizeMessage(maxBytes)),
            ForwarderError.RequestTimedOut => (StatusCode.DeadlineExceeded, $"the {cluster} service did not answer in time"),
            // YARP also reports a cancellation when it broke the call off itself, its service gone mid-request (a
            // crashed process): then the caller may retry, and hears UNAVAILABLE, not that it cancelled.
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
                when failure.Error == ForwarderError.RequestBodyClient || context.RequestAborted.IsCancellationRequested
                => (StatusCode.Cancelled, "the call was cancelled by the caller"),
            _ => (StatusCode.Unavailable, $"the {cluster} service is unavailable"),
        };

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxyErrorMapping));
        GatewayLog.ProxyFailed(logger, failure.Exception, context.Request.Path, cluster, failure.Error.ToString(), code.ToString());
        context.Response.Clear();
        await CallerStatus.WriteAsync(context, code, message, code == StatusCode.ResourceExhausted ? StatusCodes.Status413PayloadTooLarge : null);
    }

    public static string RequestSizeMessage(long maxBytes) =>
        $"The request is larger than the gateway accepts ({maxBytes} bytes).";

    private static bool IsTooLarge(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        _ => IsTooLarge(exception.InnerException),
    };
}
