using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Persistence;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// When a caller here read records partner nodes shared, tells each of those nodes who read which
/// record, when, for what and with what outcome: one notice per record, committed with the read's
/// audit entries, so the node that shared a CSE flag can list who at this node opened it.
/// </summary>
internal sealed class AccessNoticeSender(EventOutbox outbox, TimeProvider time) : IAuditedCallObserver
{
    public const string Purpose = "Access notice: a record this node shared was read at a partner node.";

    public void BeforeCommit(AuditedDbContext db, CallAudit call, AuditedCall audited)
    {
        // Only what a caller here actually read: refusals read nothing, events and notices are not reads.
        if (!call.IsCallerRequest || audited.Outcome != "OK" || db is not MashDbContext eventing)
        {
            return;
        }

        foreach (var read in call.PartnerRecords)
        {
            var notice = new RecordAccessed
            {
                RecordId = read.OriginRecordId,
                AccessedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
                Agency = AgencyNames.ToContract(call.Caller.Agency),
                ClientId = call.Caller.ClientId,
                Practitioner = call.Practitioner.ToContract(),
                Method = call.Method,
                Outcome = audited.Outcome,
            };
            // Reads of a child's record state their basis (RequireStatedPurpose); none recorded stays unspecified.
            var basis = LawfulBases.TryParse(call.LawfulBasis, out var stated) ? stated : Contracts.Common.V1.LawfulBasis.Unspecified;
            outbox.SendToNode(eventing, Topics.AccessNotices, notice, read.ChildKey, read.OriginNode, basis, call.Purpose.Length > 0 ? call.Purpose : Purpose);
        }
    }
}
