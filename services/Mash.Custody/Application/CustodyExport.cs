using System.Security.Claims;
using Mash.Custody.Data;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Application;

/// <summary>A child's detentions at this node, for a case export, when the caller may read custody records; else withheld.</summary>
internal sealed class CustodyExport(CustodyDbContext db, CustodyRules rules, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(MashRoles.CustodyRead))
        {
            return new ChildRecordsPart([], [$"The child's detentions in police custody: the role {MashRoles.CustodyRead} is required to see them."]);
        }

        var records = await db.DetentionsWithParts.AsNoTracking().Where(d => d.ChildKey == childKey).OrderBy(d => d.ArrivedAt).ToListAsync(cancellationToken);
        return new ChildRecordsPart([.. records.Select(d => d.ToContract(clock.UtcNow, rules, rules.ThisNode))], []);
    }
}
