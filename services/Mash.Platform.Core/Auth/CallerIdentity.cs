using System.Security.Claims;

namespace Mash.Platform.Auth;

/// <summary>Who is calling, as the validated token says: the agency and the client application.</summary>
public sealed record CallerIdentity(string Agency, string ClientId)
{
    public static CallerIdentity From(ClaimsPrincipal user) => new(
        user.FindFirst(MashClaims.Agency)?.Value ?? "",
        ClientIdOf(user) ?? "");

    public static string? ClientIdOf(ClaimsPrincipal user) =>
        user.FindFirst(MashClaims.AuthorizedParty)?.Value
        ?? user.FindFirst(MashClaims.AppId)?.Value
        ?? user.FindFirst(MashClaims.Subject)?.Value;
}
