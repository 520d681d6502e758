using Mash.Platform.Hosting.InProcess;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Mash.Gateway.Routes;

/// <summary>
/// What the gateway takes from a service and passes on. A service's refusal once quoted a
/// caller's 40,000-character id twice in its trailers; past HttpClient's 64 KB header budget the
/// gateway's connection to the service was torn down and every agency's call on it failed. The
/// budget is raised (<see cref="GatewayOptions.MaxBackendHeadersKilobytes"/>) so such an answer
/// fails nothing else, and what reaches the caller is cut to a readable size: a status message
/// of at most <see cref="GatewayOptions.MaxForwardedStatusMessage"/> characters, and no header
/// or trailer over 8 KB (a status's binary details included).
/// </summary>
internal static class BackendAnswerBounds
{
    private const int MaxForwardedValue = 8 * 1024;
    private const string StatusMessage = "grpc-message";

    public static IReverseProxyBuilder AddBackendAnswerBounds(this IReverseProxyBuilder proxy)
    {
        proxy.Services.AddSingleton<IForwarderHttpClientFactory, BoundedClientFactory>();
        return proxy.AddTransforms(context =>
        {
            context.AddResponseTransform(response =>
            {
                Bound(response.HttpContext.Response.Headers, MaxMessage(response.HttpContext));
                return ValueTask.CompletedTask;
            });
            context.AddResponseTrailersTransform(trailers =>
            {
                if (trailers.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers is { } sent)
                {
                    Bound(sent, MaxMessage(trailers.HttpContext));
                }

                return ValueTask.CompletedTask;
            });
        });
    }

    private static int MaxMessage(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxForwardedStatusMessage;

    /// <summary>Cuts a long status message (at an escape's boundary) and drops any other oversize value.</summary>
    /// <remarks>Runs on every answer: looks first, and copies the header names only when one is over.</remarks>
    public static void Bound(IHeaderDictionary headers, int maxMessage)
    {
        if (!headers.Any(h => IsOver(h.Key, h.Value.ToString(), maxMessage)))
        {
            return;
        }

        foreach (var name in headers.Keys.ToList())
        {
            var value = headers[name].ToString();
            if (!IsOver(name, value, maxMessage))
            {
                continue;
            }

            if (IsStatusMessage(name) && value.Length > maxMessage)
            {
                headers[name] = Cut(value, maxMessage) + "%E2%80%A6";
            }
            else
            {
                headers.Remove(name);
            }
        }
    }

    private static bool IsStatusMessage(string name) => name.Equals(StatusMessage, StringComparison.OrdinalIgnoreCase);

    private static bool IsOver(string name, string value, int maxMessage) =>
        value.Length > MaxForwardedValue || (IsStatusMessage(name) && value.Length > maxMessage);

    /// <summary>A percent-encoded message's first characters, never ending inside a %XX escape.</summary>
    private static string Cut(string encoded, int length)
    {
        var end = length;
        var escape = encoded.LastIndexOf('%', end - 1, Math.Min(3, end));
        if (escape >= 0 && escape + 3 > end)
        {
            end = escape;
        }

        return encoded[..end];
    }

    private sealed class BoundedClientFactory(IOptions<GatewayOptions> options) : ForwarderHttpClientFactory
    {
        protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
        {
            base.ConfigureHandler(context, handler);
            handler.MaxResponseHeadersLength = options.Value.MaxBackendHeadersKilobytes;
        }

        // Beside its services in one process (the embedded default): a request is handed to the service's pipeline.
        protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
            base.WrapHandler(context, handler).ReachInProcessWhenEnabled();
    }
}
