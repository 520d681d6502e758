using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Time;
using Mash.Offender.Application;

namespace Mash.Offender.IntegrationEvents;

/// <summary>
/// The offender's risk, shared as a risk change of each linked child with partner agencies'
/// nodes, in the transaction of the change: their Assessment services keep it in the child's
/// risk profile. The officer's rationale travels as written, with the offender's id and the
/// relationship, never who the offender is nor the internal note; a child without an NHS number is
/// not shared, and the decision is logged.
/// </summary>
internal sealed class OffenderEvents(EventOutbox outbox, CallAudit audit, ServiceClock clock)
{
    public void ShareAll(OffenderDbContext db, OffenderRecord offender, OffenderRisk previous)
    {
        foreach (var link in offender.Links)
        {
            Share(db, offender, link, previous);
        }
    }

    /// <returns>Whether it was shared (false: the decision not to share is in the disclosure log).</returns>
    public bool Share(OffenderDbContext db, OffenderRecord offender, ChildLinkRecord link, OffenderRisk previous)
    {
        var basis = LawfulBases.TryParse(audit.LawfulBasis, out var stated)
            ? stated
            : throw new InvalidOperationException("The stated lawful basis was not checked.");
        audit.TouchOnce(link.ChildKey, offender.Id);
        return outbox.ShareWithPartners(db, Topics.RiskChanges, Changed(offender, link, previous), link.ChildKey,
            link.ChildMatch == ChildMatchStatus.Confirmed, basis, audit.Purpose, offender.Id);
    }

    private RiskLevelChanged Changed(OffenderRecord offender, ChildLinkRecord link, OffenderRisk previous)
    {
        var relationship = link.Relationship;
        var risk = offender.Risk;
        return new RiskLevelChanged
        {
            PreviousLevel = RiskSharing.LevelOf(previous),
            Level = RiskSharing.LevelOf(risk),
            // The officer's words as written; the sentence saying who the offender is to the child beside them.
            Rationale = offender.RiskRationale,
            Summary = RiskSharing.Summary(relationship, offender.MappaCategory, risk, previous),
            // An offender's risk is not a finding that the child is suffering significant harm.
            SignificantHarmSuspected = false,
            ChangedBy = $"{audit.Caller.ClientId} ({audit.Caller.Agency})",
            ChangedAt = Timestamp.FromDateTime(clock.UtcNow),
            OffenderId = offender.Id,
            Relationship = ChildLinkRules.Describe(relationship),
        };
    }
}
