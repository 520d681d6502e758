using System.Security.Claims;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Application;

/// <summary>
/// The offenders linked to a child, for a case export, as far as the caller's role may see
/// them: the full record with Offender.Read, the summary with Offender.ReadSummary, and with
/// neither the links are withheld (their count too: even that says something about the child).
/// </summary>
internal sealed class OffenderLinkExport(OffenderDbContext db, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var view = OffenderViews.For(caller.IsInRole);
        if (view == OffenderView.Unspecified)
        {
            return new ChildRecordsPart([], [$"Offenders linked to the child: the role {MashRoles.OffenderRead} or {MashRoles.OffenderReadSummary} is required to see them."]);
        }

        var offenderIds = await db.ChildLinks.AsNoTracking().Where(l => l.ChildKey == childKey).Select(l => l.OffenderId).Distinct().ToListAsync(cancellationToken);
        var offenders = await db.OffendersWithParts.AsNoTracking().Where(o => offenderIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var withheld = view == OffenderView.Full ? [] : new[] { $"The offenders' restricted detail (address, management, linked children): the role {MashRoles.OffenderRead} is required." };
        return new ChildRecordsPart([.. offenders.Select(o => o.ToContract(view, clock.Today))], withheld);
    }
}
