using Grpc.Core;
using Mash.Platform.Auth;
using Mash.Platform.Errors;
using Mash.Platform.Rest;

namespace Mash.Gateway.Routes;

/// <summary>
/// A request header the gateway cannot pass on (a value with a byte outside printable ASCII,
/// such as <c>x-mash-purpose: café</c>) is the caller's mistake: refused with INVALID_ARGUMENT
/// (400 for REST) naming the header. Forwarded, HttpClient refused it and the caller was told
/// the service was unavailable, which clients retry.
/// </summary>
internal static class UnforwardableHeaders
{
    public static IApplicationBuilder UseUnforwardableHeaderRefusal(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (FirstUnforwardable(context.Request.Headers) is not { } name)
        {
            return next(context);
        }

        var description = "Holds a character outside printable ASCII; header values must be ASCII (percent-encode other text).";
        return GrpcStatusWriter.IsGrpc(context.Request)
            ? GrpcStatusWriter.WriteAsync(context, StatusCode.InvalidArgument, $"Request header '{RpcErrors.Quoted(name)}': {description}")
            : JsonStatusWriter.WriteInvalidAsync(context, RpcErrors.Quoted(name), description);
    });

    /// <summary>The first header whose value holds a character HttpClient will not send, or null.</summary>
    public static string? FirstUnforwardable(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !IsForwardable(value))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>Printable ASCII and tabs only. Every forwarded call's headers pass here, its token among them: searched vectorised.</summary>
    private static bool IsForwardable(ReadOnlySpan<char> value)
    {
        while (value.IndexOfAnyExceptInRange(' ', '~') is var at and >= 0)
        {
            if (value[at] != '\t')
            {
                return false;
            }

            value = value[(at + 1)..];
        }

        return true;
    }
}
