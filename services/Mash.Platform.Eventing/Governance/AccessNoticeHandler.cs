using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// A partner node's notice that its caller read a record this node shared: entered in this
/// service's audit trail as that caller's access (agency, client, practitioner, RPC, when, at
/// which node), so "who accessed this child" here includes who opened what was shared. A service
/// that did not share the record (every sharing service subscribes) has nothing to record.
/// </summary>
public sealed class AccessNoticeHandler(MashDbContext db, CallAudit call) : IIntegrationEventHandler<RecordAccessed>
{
    public async Task HandleAsync(EventEnvelope envelope, RecordAccessed notice, CancellationToken cancellationToken)
    {
        var shared = await db.Set<DisclosureRecord>().AsNoTracking()
            .Where(d => d.Shared && d.RecordId == notice.RecordId && (d.DestinationNode == envelope.OriginNode || d.DestinationNode == ""))
            .Select(d => d.ChildKey)
            .FirstOrDefaultAsync(cancellationToken);
        if (shared is null)
        {
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
        call.Touch(shared, notice.RecordId);
    }
}
