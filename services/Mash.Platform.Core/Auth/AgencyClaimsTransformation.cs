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
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult(principal);
        }

        var clientId = CallerIdentity.ClientIdOf(principal);
        if (clientId is null)
        {
            return Task.FromResult(principal);
        }

        var added = new List<Claim>();
        if (!principal.HasClaim(c => c.Type == MashClaims.Agency)
            && options.CurrentValue.ClientAgencies.TryGetValue(clientId, out var agency) && AgencyNames.All.Contains(agency))
        {
            added.Add(new Claim(MashClaims.Agency, agency));
        }

        // A school's app registration says nothing of which school it is; the partnership's configuration does.
        if (!principal.HasClaim(c => c.Type == MashClaims.SchoolUrn) && options.CurrentValue.ClientSchools.TryGetValue(clientId, out var urn))
        {
            added.Add(new Claim(MashClaims.SchoolUrn, urn));
        }

        if (added.Count > 0)
        {
            principal.AddIdentity(new ClaimsIdentity(added));
        }

        return Task.FromResult(principal);
    }
}
