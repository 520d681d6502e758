using Mash.Platform.Persistence;

namespace Mash.Platform.Audit;

/// <summary>
/// Adds to a call's audit save what must commit with it (the eventing layer's access notices):
/// the audit trail knows nothing of events, the observers nothing of hash chains.
/// </summary>
public interface IAuditedCallObserver
{
    void BeforeCommit(AuditedDbContext db, CallAudit call, AuditedCall audited);
}
