namespace Mash.Gateway.Auth;

internal static class MethodNotAllowed
{
    /// <summary>
    /// Answers every other method on an anonymous path with 405 and <c>Allow</c>. Without it, routing's
    /// own 405 endpoint carries no AllowAnonymous, so the fallback policy answers 401 and the caller
    /// looks for a fault in its credentials. The endpoint that names a method wins over this one.
    /// </summary>
    public static IEndpointConventionBuilder MapOtherMethods(this IEndpointRouteBuilder endpoints, string path, string allowed) =>
        endpoints.Map(path, (HttpContext context) =>
        {
            context.Response.Headers.Allow = allowed;
            return Results.Json(
                new { error = "invalid_request", error_description = $"{path} takes {allowed} only." },
                statusCode: StatusCodes.Status405MethodNotAllowed);
        })
        .AllowAnonymous()
        .DisableAntiforgery();
}
