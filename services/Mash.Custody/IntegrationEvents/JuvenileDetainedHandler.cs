using Mash.Contracts.Events.V1;
using Mash.Custody.Data;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.IntegrationEvents;

/// <summary>
/// At the local authority's node: a police node asks whether a detained child is looked after. The
/// answer comes from this node's looked-after record, matched by the child key (the NHS number's
/// keyed hash), and goes back to the node that asked. A child with no record here is not looked
/// after by this local authority.
/// </summary>
internal sealed class JuvenileDetainedHandler(CustodyDbContext db, CallAudit audit, CustodyEvents events, ServiceClock clock)
    : IIntegrationEventHandler<JuvenileDetained>
{
    public async Task HandleAsync(EventEnvelope envelope, JuvenileDetained payload, CancellationToken cancellationToken)
    {
        if (payload.DetentionId.Length is 0 or > RequestLimits.MaxIdLength || envelope.ChildKey.Length == 0 || !payload.NhsNumberKnown)
        {
            throw new UnprocessableEventException("IncompleteDetention", "A JuvenileDetained event needs the detention's id and a child key from an NHS number.");
        }

        var record = await db.LookedAfterChildren.AsNoTracking().FirstOrDefaultAsync(c => c.ChildKey == envelope.ChildKey, cancellationToken);
        audit.Touch(envelope.ChildKey, "looked-after");
        events.ReportLookedAfter(db, envelope, payload, record, clock.UtcNow);
    }
}
