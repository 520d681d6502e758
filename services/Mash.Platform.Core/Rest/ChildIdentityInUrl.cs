using Grpc.Core;
using Mash.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mash.Platform.Rest;

/// <summary>
/// No route takes a child's identity (NHS number, name, date of birth) in its URL: URLs reach
/// proxies' and servers' access logs and browser histories. A query parameter naming one is
/// refused with 400 INVALID_ARGUMENT naming it, before anything else reads the request; list
/// routes take a child in the body of their POST <c>:search</c> form instead.
/// </summary>
public static class ChildIdentityInUrl
{
    /// <summary>Path segments that identify a person, compared without case or underscores (JSON and proto names alike).</summary>
    private static readonly HashSet<string> IdentifyingSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "child", "forchild", "nhsnumber", "givenname", "familyname", "name", "dateofbirth", "dob", "person",
    };

    /// <summary>The first query parameter that names a person's identity, or null.</summary>
    public static string? FirstParameter(IQueryCollection query) => query.Keys.FirstOrDefault(Identifies);

    public static bool Identifies(string parameter) =>
        parameter.Split('.').Any(segment => IdentifyingSegments.Contains(segment.Replace("_", "", StringComparison.Ordinal)));

    public static IApplicationBuilder UseNoChildIdentityInUrl(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (GrpcStatusWriter.IsGrpc(context.Request) || FirstParameter(context.Request.Query) is not { } parameter)
        {
            return next(context);
        }

        return JsonStatusWriter.WriteInvalidAsync(context, Errors.RpcErrors.Quoted(parameter),
            "A child's identity never goes in a URL, which access logs keep: send it in the body (POST …:search).");
    });
}
