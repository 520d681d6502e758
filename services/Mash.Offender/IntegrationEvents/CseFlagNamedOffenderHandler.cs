using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Offender.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Identity;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Mash.Offender.Application;

namespace Mash.Offender.IntegrationEvents;

/// <summary>
/// This node's Assessment service raised or reviewed a CSE flag naming an offender managed here as
/// the suspected perpetrator: the child is linked to them as a victim, so a later change in their risk
/// reaches the child's risk profiles at partner nodes (and, as with LinkChild, at once when the risk is
/// already high). A child already linked to the offender stays linked once, as recorded before.
/// An offender id unknown here is dead-lettered (UnknownOffender) rather than dropped: the child is
/// then not linked, and operations must see it, with the flag's id, to correct the flag or link the
/// child by hand. Logs name event types and reasons only, never the child.
/// </summary>
internal sealed class CseFlagNamedOffenderHandler(
    OffenderDbContext db, CallAudit audit, ChildKeyHasher childKeys, OffenderEvents sharing, ServiceClock clock)
    : IIntegrationEventHandler<CseFlagNamedOffender>
{
    public async Task HandleAsync(EventEnvelope envelope, CseFlagNamedOffender payload, CancellationToken cancellationToken)
    {
        if (payload.FlagId.Length == 0 || !OffenderIds.IsWellFormed(payload.OffenderId) || !ChildIdentityRules.IsGiven(payload.Child))
        {
            throw new UnprocessableEventException("IncompleteOffenderLink", "A CseFlagNamedOffender event needs the flag id, a well-formed offender id and the child.");
        }

        var offender = await db.OffendersWithParts.FirstOrDefaultAsync(o => o.Id == payload.OffenderId, cancellationToken)
            ?? throw new UnprocessableEventException("UnknownOffender",
                $"CSE flag {payload.FlagId} names offender {payload.OffenderId}, who is not managed at this node: the child is not linked. "
                + "Correct the flag's offender_id on review, or link the child with LinkChild.");

        // The key LinkChild would give the child, so one child is one link whichever way it was made.
        var childKey = childKeys.KeyFor(payload.Child);
        audit.TouchOnce(OffenderAudit.NoChild, offender.Id);
        audit.TouchOnce(childKey, offender.Id);
        if (offender.Links.Any(l => l.ChildKey == childKey))
        {
            return;
        }

        var (relationship, details) = ChildLinkRules.ForCseFlag(payload.FlagId, payload.SuspectRelationship);
        var link = new ChildLinkRecord
        {
            Id = RecordIds.New("lnk_", clock.Now),
            OffenderId = offender.Id,
            ChildKey = childKey,
            Child = payload.Child.ToByteArray(),
            ChildMatch = (ChildIdentityRules.IsConfirmed(payload.Child) ? ChildMatchStatus.Confirmed : ChildMatchStatus.Unconfirmed),
            Relationship = relationship,
            Details = details,
            LinkedAt = clock.UtcNow,
            LinkedBy = payload.NamedBy.Length > 0 ? payload.NamedBy : audit.Caller.ClientId,
        };
        offender.Links.Add(link);
        // Moves the offender's version on, as every command does, so a concurrent command cannot overwrite the link.
        offender.Version++;
        if (RiskSharing.IsSharedOnLink(offender.Risk))
        {
            sharing.Share(db, offender, link, OffenderRisk.Unspecified);
        }
    }
}
