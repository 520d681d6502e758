using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Mash.Platform.Auth;

/// <summary>
/// Answers a gRPC request with a real grpc-status (a trailers-only response), so callers see
/// UNAUTHENTICATED, PERMISSION_DENIED or RESOURCE_EXHAUSTED rather than a code guessed from HTTP.
/// </summary>
public static class GrpcStatusWriter
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = GrpcMessageEncoding.Encode(message);
        return response.CompleteAsync();
    }
}
