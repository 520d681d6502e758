using Mash.Platform.Time;
using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Microsoft.EntityFrameworkCore;
using Mash.Assessment.Application;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>A partner node's CSE flag change, kept beside this node's own flags for the same child.</summary>
internal sealed class PartnerCseFlagChangedHandler(PartnerRiskStore store) : IIntegrationEventHandler<CseFlagChanged>
{
    public Task HandleAsync(EventEnvelope envelope, CseFlagChanged payload, CancellationToken cancellationToken)
    {
        if (payload.FlagId.Length == 0 || payload.Action == FlagAction.Unspecified || !Enum.IsDefined(payload.Action)
            || payload.Risk == CseRisk.Unspecified || !Enum.IsDefined(payload.Risk))
        {
            throw new UnprocessableEventException("IncompleteFlagChange", "A CseFlagChanged event needs the flag id, a known action and a known risk.");
        }

        return store.AddAsync(envelope, payload, r =>
        {
            r.FlagId = payload.FlagId;
            r.FlagAction = payload.Action;
            r.CseRisk = payload.Risk;
        }, cancellationToken);
    }
}

/// <summary>A partner node's assessed risk level for a child.</summary>
internal sealed class PartnerRiskLevelChangedHandler(PartnerRiskStore store) : IIntegrationEventHandler<RiskLevelChanged>
{
    public Task HandleAsync(EventEnvelope envelope, RiskLevelChanged payload, CancellationToken cancellationToken)
    {
        if (payload.Level == RiskLevel.Unspecified || !Enum.IsDefined(payload.Level))
        {
            throw new UnprocessableEventException("IncompleteRiskChange", "A RiskLevelChanged event needs a known risk level.");
        }

        return store.AddAsync(envelope, payload, r => r.RiskLevel = payload.Level, cancellationToken);
    }
}

/// <summary>
/// Stages what a partner shared, as received, with its provenance; matched to the child by the
/// envelope's child key (the same keyed hash of the NHS number on every node of the partnership).
/// </summary>
internal sealed class PartnerRiskStore(AssessmentDbContext db, CallAudit audit, DeliveryReceipts receipts, ServiceClock clock)
{
    public async Task AddAsync(EventEnvelope envelope, IMessage payload, Action<PartnerRiskRecord> summarise, CancellationToken cancellationToken)
    {
        if (envelope.ChildKey.Length == 0 || envelope.EventId.Length == 0 || envelope.OccurredAt is null)
        {
            throw new UnprocessableEventException("UnmatchableEvent", "A partner's event needs its event id, child key and time.");
        }

        audit.Touch(envelope.ChildKey, "partner:" + envelope.EventId);
        if (await db.PartnerRisks.AnyAsync(p => p.EventId == envelope.EventId, cancellationToken))
        {
            return;
        }

        // Stored here: the sending node learns it arrived.
        receipts.Acknowledge(db, envelope);

        var record = new PartnerRiskRecord
        {
            EventId = envelope.EventId,
            ChildKey = envelope.ChildKey,
            OriginNode = envelope.OriginNode,
            OriginAgency = envelope.OriginAgency,
            OccurredAt = envelope.OccurredAt.ToDateTime(),
            ReceivedAt = clock.UtcNow,
            LawfulBasis = envelope.LawfulBasis,
            Purpose = envelope.Purpose,
            Kind = payload.Descriptor.FullName,
            Payload = payload.ToByteArray(),
        };
        summarise(record);
        db.PartnerRisks.Add(record);
    }
}
