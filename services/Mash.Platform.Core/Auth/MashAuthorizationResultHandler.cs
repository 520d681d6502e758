using Grpc.Core;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Platform.Auth;

/// <summary>
/// Refusals with a reason a partner can act on: gRPC calls get a gRPC status, REST/JSON calls
/// an HTTP 401 or 403 with a JSON status body (and, for 401, the bearer challenge header).
/// </summary>
internal sealed class MashAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        var grpc = GrpcStatusWriter.IsGrpc(context.Request);
        if (result.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            // The authentication feature only holds successes; the handler caches the result per
            // request, so asking again for the failure costs nothing.
            var failure = (await context.AuthenticateAsync(MashAuthentication.PolicyScheme)).Failure;
            var sent = context.Request.Headers.Authorization.Count > 0;
            var reason = "A valid bearer token is required: " + Describe(failure, sent);
            if (grpc)
            {
                await GrpcStatusWriter.WriteAsync(context, StatusCode.Unauthenticated, reason);
                return;
            }

            // The scheme's challenge sets 401 and WWW-Authenticate; the body says why.
            await context.ChallengeAsync(MashAuthentication.PolicyScheme);
            await JsonStatusWriter.WriteAsync(context, StatusCode.Unauthenticated, reason);
            return;
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
        var message = roles.Count > 0
            ? $"The caller's token lacks the role this call requires ({string.Join(" or ", roles)})."
            : "The caller's token does not name a known agency.";
        await (grpc
            ? GrpcStatusWriter.WriteAsync(context, StatusCode.PermissionDenied, message)
            : JsonStatusWriter.WriteAsync(context, StatusCode.PermissionDenied, message));
    }

    private static string Describe(Exception? failure, bool sent) => failure switch
    {
        null when !sent => "none was sent.",
        null => "the token could not be validated.",
        SecurityTokenExpiredException => "the token has expired.",
        SecurityTokenNotYetValidException => "the token is not yet valid.",
        SecurityTokenInvalidAudienceException => "the token is for another audience.",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted.",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is unknown.",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid.",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted.",
        NonNumericTokenDateException date => $"the token's {date.Claim} is not a number (RFC 7519 NumericDate).",
        _ => "the token is not valid.",
    };
}
