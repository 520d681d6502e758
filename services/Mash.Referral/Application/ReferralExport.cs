using System.Security.Claims;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Application;

/// <summary>The referrals about a child, for a case export, as GetReferral shows them.</summary>
internal sealed class ReferralExport(ReferralDbContext db, FrontDoors frontDoors, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildKey == childKey)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return new ChildRecordsPart([.. referrals.Select(r => r.ToContract(clock.UtcNow, frontDoors.ThisNode))], []);
    }
}
