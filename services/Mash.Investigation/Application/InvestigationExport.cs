using System.Security.Claims;
using Mash.Investigation.Data;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Application;

/// <summary>A child's investigations at this node, for a case export, when the caller may read them; else withheld.</summary>
internal sealed class InvestigationExport(InvestigationDbContext db, InvestigationRules rules, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(MashRoles.InvestigationRead))
        {
            return new ChildRecordsPart([], [$"The child's investigations: the role {MashRoles.InvestigationRead} is required to see them."]);
        }

        var records = await db.InvestigationsWithParts.AsNoTracking().Where(i => i.Children.Any(c => c.ChildKey == childKey)).OrderBy(i => i.OpenedAt).ToListAsync(cancellationToken);
        var reasons = await HighRiskChildren.ReasonsAsync(db, [childKey], cancellationToken);
        return new ChildRecordsPart([.. records.Select(i => i.ToContract(clock.UtcNow, rules.For(i.Area), HighRiskChildren.For(i, reasons)))], []);
    }
}
