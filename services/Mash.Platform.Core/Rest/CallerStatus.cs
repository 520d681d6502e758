using Grpc.Core;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Http;

namespace Mash.Platform.Rest;

/// <summary>A refusal answered in the caller's own protocol: a gRPC status, or a JSON status with its HTTP code.</summary>
public static class CallerStatus
{
    /// <param name="httpStatus">For REST callers, when more precise than the code's own (413, 408).</param>
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, int? httpStatus = null) =>
        GrpcStatusWriter.IsGrpc(context.Request)
            ? GrpcStatusWriter.WriteAsync(context, code, message)
            : JsonStatusWriter.WriteAsync(context, code, message, httpStatus ?? JsonStatusWriter.HttpStatusOf(code));
}
