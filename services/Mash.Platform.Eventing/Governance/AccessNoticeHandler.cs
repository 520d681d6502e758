using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Limits;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// A partner node's notice that its caller read records this node shared: each entered in this
/// service's audit trail as that caller's access (agency, client, practitioner, RPC, when, at
/// which node), so "who accessed this child" here includes who opened what was shared. A notice names
/// the service that shared when the reader knew it; one that names none reaches every sharing service,
/// and one that shared none of the records has nothing to record, and keeps no inbox entry either.
/// </summary>
public sealed class AccessNoticeHandler(MashDbContext db, CallAudit call, ConsumedEvent consumed) : IIntegrationEventHandler<RecordAccessed>
{
    public async Task HandleAsync(EventEnvelope envelope, RecordAccessed notice, CancellationToken cancellationToken)
    {
        var recordIds = RecordIds(notice);
        var shared = await db.Set<DisclosureRecord>().AsNoTracking()
            .Where(d => d.Shared && recordIds.Contains(d.RecordId) && (d.DestinationNode == envelope.OriginNode || d.DestinationNode == ""))
            .Select(d => new { d.RecordId, d.ChildKey })
            .ToListAsync(cancellationToken);
        if (shared.Count == 0)
        {
            consumed.NotForThisService();
            return;
        }

        var practitioner = notice.Practitioner is { Id.Length: > 0 } p
            // A partner's values are bounded here as a caller's are: the audit columns have these lengths.
            ? Practitioner.WithinLimits(p.Id, p.Name, p.Role, p.Source)
            : Practitioner.None;
        call.BeginPartnerAccess(
            envelope.OriginNode, notice.AccessedAt.ToDateTime(),
            new CallerIdentity(AgencyNames.FromContract(notice.Agency), notice.ClientId), practitioner,
            notice.Method, envelope.Purpose, envelope.LawfulBasis);
        // In the order the partner read them, each once.
        var childByRecord = shared.DistinctBy(s => s.RecordId).ToDictionary(s => s.RecordId, s => s.ChildKey);
        foreach (var recordId in recordIds)
        {
            if (childByRecord.TryGetValue(recordId, out var childKey))
            {
                call.Touch(childKey, recordId);
            }
        }
    }

    /// <summary>The records the notice lists, each once; a notice of an earlier version names one.</summary>
    private static List<string> RecordIds(RecordAccessed notice)
    {
        if (notice.RecordIds.Count > GovernanceOptions.MaxRecordsPerAccessNotice)
        {
            throw new UnprocessableEventException(
                "TooManyRecords", $"An access notice lists at most {GovernanceOptions.MaxRecordsPerAccessNotice:N0} records; this one lists {notice.RecordIds.Count:N0}.");
        }

        // An id longer than any this node gives out names nothing here: not worth a parameter.
        IEnumerable<string> listed = notice.RecordIds.Count > 0 ? notice.RecordIds : [notice.RecordId];
        return [.. listed.Where(id => id.Length is > 0 and <= RequestLimits.MaxIdLength).Distinct(StringComparer.Ordinal)];
    }
}
