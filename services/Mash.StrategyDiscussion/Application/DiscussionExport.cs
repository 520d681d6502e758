using System.Security.Claims;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Application;

/// <summary>The strategy discussions about a child, for a case export, as GetDiscussion shows them.</summary>
internal sealed class DiscussionExport(StrategyDbContext db, DiscussionViews views, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var discussions = await db.DiscussionsWithParts.AsNoTracking().Where(d => d.ChildKey == childKey)
            .OrderBy(d => d.RequiredAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return new ChildRecordsPart([.. await views.ToContractsAsync(discussions, clock.UtcNow, asLookedUp: null, cancellationToken)], []);
    }
}
