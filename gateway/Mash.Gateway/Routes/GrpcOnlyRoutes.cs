using Grpc.Core;
using Mash.Platform.Auth;
using Mash.Platform.Rest;

namespace Mash.Gateway.Routes;

/// <summary>
/// A gRPC route takes gRPC only: a request with another content type is answered here (415 and
/// a JSON status) rather than forwarded. A service refuses it before reading the body, and the
/// proxy, still sending that body, would then report a failure of its own (499 or 503).
/// </summary>
internal static class GrpcOnlyRoutes
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (route.Metadata?.ContainsKey(RestRouteTable.KindKey) == true || GrpcStatusWriter.IsGrpc(context.Request))
        {
            return next(context);
        }

        return JsonStatusWriter.WriteAsync(context, StatusCode.InvalidArgument,
            $"{context.Request.Path} is a gRPC method: call it with content-type application/grpc, or use its REST/JSON path (see /openapi/{{service}}.json).",
            StatusCodes.Status415UnsupportedMediaType);
    }
}
