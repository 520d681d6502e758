using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Mash.Platform.Rest;

/// <summary>
/// Answers a REST/JSON request with an HTTP status and a google.rpc.Status-shaped JSON body
/// (<c>{"code":16,"message":"...","details":[]}</c>), the same shape JSON transcoding gives
/// handler errors, so a partner reads every refusal one way.
/// </summary>
public static class JsonStatusWriter
{
    /// <summary>
    /// Messages are read by people in terminals and logs: quotes and non-ASCII text stay as they
    /// are (the body is JSON served as application/json, never embedded in HTML).
    /// </summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, StatusCode code, string message) =>
        WriteAsync(context, code, message, HttpStatusOf(code));

    /// <summary>With an HTTP status more precise than the code's own (413 for a body too large).</summary>
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, int httpStatus)
    {
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new ErrorBody((int)code, message, []), Readable), context.RequestAborted);
    }

    /// <summary>400 INVALID_ARGUMENT with a google.rpc.BadRequest naming the field, as transcoding renders a handler's.</summary>
    public static Task WriteInvalidAsync(HttpContext context, string field, string description)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json; charset=utf-8";
        var details = new object[] { new BadRequestDetail("type.googleapis.com/google.rpc.BadRequest", [new FieldViolationDetail(field, description)]) };
        return response.WriteAsync(JsonSerializer.Serialize(new ErrorBody((int)StatusCode.InvalidArgument, $"{field}: {description}", details), Readable), context.RequestAborted);
    }

    /// <summary>The HTTP status Google's API design guide (and JSON transcoding) gives each gRPC code.</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed record BadRequestDetail(
        [property: System.Text.Json.Serialization.JsonPropertyName("@type")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("fieldViolations")] FieldViolationDetail[] FieldViolations);

    private sealed record FieldViolationDetail(
        [property: System.Text.Json.Serialization.JsonPropertyName("field")] string Field,
        [property: System.Text.Json.Serialization.JsonPropertyName("description")] string Description);

    private sealed record ErrorBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
        [property: System.Text.Json.Serialization.JsonPropertyName("details")] object[] Details);
}
