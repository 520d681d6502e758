using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// When a caller here read records partner nodes shared, tells each of those nodes who read which
/// records, when, for what and with what outcome, committed with the read's audit entries, so the node
/// that shared a CSE flag can list who at this node opened it. One notice per node and child lists
/// all the records read there: a profile of 1,000 partner entries is one event, not 1,000 (each of
/// which every sharing service at that node would take).
/// </summary>
/// <remarks>
/// A notice goes to the service that shared the records when the reading service knows which it was
/// (<see cref="PartnerRecordRead.SharedBy"/>), else to every service of that node, each of which looks for
/// them among what it shared.
/// </remarks>
internal sealed class AccessNoticeSender(EventOutbox outbox, TimeProvider time, IOptions<GovernanceOptions> options) : IAuditedCallObserver
{
    public const string Purpose = "Access notice: a record this node shared was read at a partner node.";

    public void BeforeCommit(AuditedDbContext db, CallAudit call, AuditedCall audited)
    {
        // Only what a caller here actually read: refusals read nothing, events and notices are not reads.
        if (!call.IsCallerRequest || audited.Outcome != "OK" || db is not MashDbContext eventing || call.PartnerRecords.Count == 0)
        {
            return;
        }

        var accessedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        // Reads of a child's record state their basis (RequireStatedPurpose); none recorded stays unspecified.
        var basis = LawfulBases.TryParse(call.LawfulBasis, out var stated) ? stated : Contracts.Common.V1.LawfulBasis.Unspecified;
        var purpose = call.Purpose.Length > 0 ? call.Purpose : Purpose;
        var perNotice = options.Value.RecordsPerAccessNotice;
        foreach (var sharedBy in call.PartnerRecords.GroupBy(r => (r.OriginNode, r.ChildKey, r.SharedBy)))
        {
            foreach (var records in sharedBy.Chunk(perNotice))
            {
                var notice = new RecordAccessed
                {
                    RecordId = records[0].OriginRecordId,
                    AccessedAt = accessedAt.Clone(),
                    Agency = AgencyNames.ToContract(call.Caller.Agency),
                    ClientId = call.Caller.ClientId,
                    Practitioner = call.Practitioner.ToContract(),
                    Method = call.Method,
                    Outcome = audited.Outcome,
                };
                if (perNotice > 1)
                {
                    notice.RecordIds.AddRange(records.Select(r => r.OriginRecordId));
                }

                outbox.SendToService(eventing, Topics.AccessNotices, notice, sharedBy.Key.ChildKey, sharedBy.Key.OriginNode, sharedBy.Key.SharedBy, basis, purpose);
            }
        }
    }
}
