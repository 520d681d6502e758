using System.Security.Claims;
using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Application;

/// <summary>A child's assessments, CSE flags, partners' risk entries and known discussions, for a case export.</summary>
internal sealed class AssessmentExport(AssessmentDbContext db, ServiceClock clock) : IChildRecordExporter
{
    public async Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Checks).Where(a => a.ChildKey == childKey)
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var flags = await db.CseFlags.AsNoTracking().Include(f => f.History).Where(f => f.ChildKey == childKey)
            .OrderBy(f => f.RaisedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var partners = await db.PartnerRisks.AsNoTracking().Where(p => p.ChildKey == childKey)
            .OrderBy(p => p.OccurredAt).ThenBy(p => p.Sequence).ToListAsync(cancellationToken);
        var discussions = await db.ChildDiscussions.AsNoTracking().Where(d => d.ChildKey == childKey)
            .OrderBy(d => d.DueAt).ThenBy(d => d.DiscussionId).ToListAsync(cancellationToken);

        var now = clock.UtcNow;
        List<IMessage> records =
        [
            .. assessments.Select(a => a.ToContract(now)),
            .. flags.Select(f => f.ToContract()),
            .. partners.Select(p => p.ToContract()),
            .. discussions.Select(d => d.ToContract(now)),
        ];
        return new ChildRecordsPart(records, []);
    }
}
