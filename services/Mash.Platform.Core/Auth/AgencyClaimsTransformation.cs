using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Auth;

/// <summary>
/// Entra ID client-credentials tokens do not say which agency a client acts for; the
/// partnership's configuration does. A token that already names its agency keeps it.
/// </summary>
internal sealed class AgencyClaimsTransformation(IOptionsMonitor<MashAuthOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == MashClaims.Agency))
        {
            return Task.FromResult(principal);
        }

        var clientId = CallerIdentity.ClientIdOf(principal);
        if (clientId is not null && options.CurrentValue.ClientAgencies.TryGetValue(clientId, out var agency)
            && AgencyNames.All.Contains(agency))
        {
            var identity = new ClaimsIdentity([new Claim(MashClaims.Agency, agency)]);
            principal.AddIdentity(identity);
        }

        return Task.FromResult(principal);
    }
}
