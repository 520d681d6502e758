using Grpc.Core;
using Mash.Platform.Rest;

namespace Mash.Gateway.Routes;

internal static class RestFallback
{
    /// <summary>
    /// Any /v1/ path no REST route matches (or a verb it does not take): 404 as JSON, never
    /// forwarded. It is not anonymous, so without a valid token the answer is 401 first.
    /// </summary>
    public static IEndpointConventionBuilder MapRestFallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/v1/{**path}", context => JsonStatusWriter.WriteAsync(
            context, StatusCode.NotFound, $"No REST call {context.Request.Method} {context.Request.Path} exists; see /openapi/{{service}}.json."));
}
