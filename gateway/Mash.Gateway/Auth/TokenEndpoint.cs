using Mash.Platform.Auth;
using Microsoft.Extensions.Options;

namespace Mash.Gateway.Auth;

/// <summary><c>POST /connect/token</c>: the OAuth 2.0 client-credentials grant for development clients.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DevClientRegistry clients, TokenIssuer issuer, IOptions<MashAuthOptions> trust, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenEndpoint));
        // Tokens and errors alike must not be cached (RFC 6749 section 5.1).
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";

        var (request, error) = await TokenRequest.ReadAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            return Refuse(error!);
        }

        var client = clients.Authenticate(request.ClientId, request.ClientSecret);
        if (client is null)
        {
            if (request.UsedBasic)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"mash\"";
            }

            return Refuse("invalid_client");
        }

        if (request.GrantType != "client_credentials")
        {
            return Refuse("unsupported_grant_type");
        }

        var roles = GrantedRoles(request.Scope, client, trust.Value.Audience);
        if (roles is null)
        {
            return Refuse("invalid_scope");
        }

        var token = issuer.Issue(client, roles);
        GatewayLog.TokenIssued(logger, client.ClientId, client.Agency, issuer.Lifetime);
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = (int)issuer.Lifetime.TotalSeconds });

        IResult Refuse(string code)
        {
            GatewayLog.TokenRefused(logger, code);
            return Results.Json(new { error = code }, statusCode: code == "invalid_client" ? 401 : 400);
        }
    }

    /// <summary>
    /// No scope, the audience or its Entra-style <c>/.default</c> grants all the client's roles;
    /// a list of role names narrows them. Anything else is an invalid scope.
    /// </summary>
    private static List<string>? GrantedRoles(string? scope, DevClient client, string audience)
    {
        var requested = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0 || (requested.Length == 1 && (requested[0] == audience || requested[0] == audience + "/.default")))
        {
            return [.. client.Roles];
        }

        return requested.All(client.Roles.Contains) ? [.. requested.Distinct()] : null;
    }
}
