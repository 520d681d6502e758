using System.Security.Claims;
using Mash.Custody.Domain.Encompass;
using Mash.Platform.Auth;
using Mash.Platform.Errors;

namespace Mash.Custody.Application.Encompass;

/// <summary>
/// Who reads notifications at the local authority node: the education safeguarding team (every
/// notification), or one school, by the unique reference number its token carries (its own children only).
/// </summary>
internal sealed record SchoolCaller(string? Urn)
{
    public static readonly SchoolCaller EducationTeam = new((string?)null);

    public bool IsSchool => Urn is not null;

    /// <summary>The team when the token has its role; else the school its token names. A school role without a valid URN is refused.</summary>
    public static SchoolCaller From(ClaimsPrincipal user)
    {
        if (user.IsInRole(MashRoles.EncompassManage))
        {
            return EducationTeam;
        }

        return SchoolFrom(user);
    }

    /// <summary>The school the token names; none (or not a URN) is PERMISSION_DENIED.</summary>
    public static SchoolCaller SchoolFrom(ClaimsPrincipal user)
    {
        var urn = user.FindFirst(MashClaims.SchoolUrn)?.Value;
        return EncompassRequestRules.IsUrn(urn)
            ? new SchoolCaller(urn)
            : throw RpcErrors.PermissionDenied($"This client's token names no school ({MashClaims.SchoolUrn}, six or seven digits): a school sees only its own children's notifications.");
    }
}
