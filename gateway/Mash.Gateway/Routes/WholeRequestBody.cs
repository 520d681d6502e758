using Grpc.Core;
using Mash.Gateway.RateLimits;
using Mash.Platform.Buffers;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Options;

namespace Mash.Gateway.Routes;

/// <summary>
/// The gateway reads a request's whole body (at most <see cref="GatewayOptions.MaxRequestBodyBytes"/>)
/// before forwarding it, within <see cref="GatewayOptions.RequestBodyTimeoutSeconds"/> (Kestrel's minimum data rate is off for these requests). A body
/// that arrives too slowly is answered one way: DEADLINE_EXCEEDED (REST: 408). Streamed through
/// as it arrived, the gateway's and the service's data-rate timers raced, and the caller got
/// CANCELLED one time and UNAVAILABLE (an outage, retried) another.
/// </summary>
/// <remarks>
/// Every RPC of the suite is unary or server-streaming: a request is one message, so holding it
/// costs at most the size limit per call, and the service then reads it at once.
/// </remarks>
internal static class WholeRequestBody
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            await next(context);
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        // One timer decides, so the answer is always the same: Kestrel's data-rate check would
        // reset the HTTP/2 stream before the gateway could say why.
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestBodyTimeoutSeconds));
        PooledBuffer body;
        try
        {
            body = await PooledBuffer.ReadToEndAsync(context.Request.Body, timeout.Token);
        }
        catch (Exception failure) when (IsSlow(failure, context, timeout.Token))
        {
            await CallerStatus.WriteAsync(context, StatusCode.DeadlineExceeded, SlowMessage(options), StatusCodes.Status408RequestTimeout);
            return;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await CallerStatus.WriteAsync(context, StatusCode.ResourceExhausted, ProxyErrorMapping.RequestSizeMessage(options.MaxRequestBodyBytes), StatusCodes.Status413PayloadTooLarge);
            return;
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The caller went away; there is no one to answer.
        }

        context.Response.RegisterForDispose(body);
        context.Request.Body = body.AsStream();
        // Kestrel's body size limit has nothing left to limit: the whole body is in memory, within the limit. YARP
        // lifts that limit for every gRPC call it forwards and, finding it read-only once the body was read, logged
        // a warning for each one: a line per call that buried the warnings that matter.
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(null);
        await next(context);
    }

    public static string SlowMessage(GatewayOptions options) =>
        $"The request body did not arrive in time: the gateway waits at most {options.RequestBodyTimeoutSeconds} s for a whole request; send it at once.";

    /// <summary>Our own deadline (or a 408 of Kestrel's, should its data-rate check be on).</summary>
    private static bool IsSlow(Exception failure, HttpContext context, CancellationToken timeout) =>
        (failure is OperationCanceledException && timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        || failure is BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout };
}
