using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Platform.Auth;

/// <summary>Refusals of gRPC calls as gRPC statuses, with a reason a partner can act on.</summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!GrpcStatusWriter.IsGrpc(context.Request) || result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        if (result.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            // The authentication feature only holds successes; the handler caches the result per
            // request, so asking again for the failure costs nothing.
            var failure = (await context.AuthenticateAsync(MashAuthentication.PolicyScheme)).Failure;
            var sent = context.Request.Headers.Authorization.Count > 0;
            await GrpcStatusWriter.WriteAsync(context, StatusCode.Unauthenticated, "A valid bearer token is required: " + Describe(failure, sent));
            return;
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
        var message = roles.Count > 0
            ? $"The caller's token lacks the role this call requires ({string.Join(" or ", roles)})."
            : "The caller's token does not name a known agency.";
        await GrpcStatusWriter.WriteAsync(context, StatusCode.PermissionDenied, message);
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
        _ => "the token is not valid.",
    };
}
