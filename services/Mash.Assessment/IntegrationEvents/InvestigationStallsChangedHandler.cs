using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Limits;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.IntegrationEvents;

/// <summary>
/// This node's Investigation service says an investigation of the child is stalled (or no longer): kept for the
/// daily high-risk list, the latest word only, however often or late it arrives (the child is the session, so in order).
/// </summary>
internal sealed class InvestigationStallsChangedHandler(AssessmentDbContext db, ServiceClock clock) : IIntegrationEventHandler<InvestigationStallsChanged>
{
    public async Task HandleAsync(EventEnvelope envelope, InvestigationStallsChanged payload, CancellationToken cancellationToken)
    {
        if (payload.InvestigationId.Length is 0 or > RequestLimits.MaxIdLength || envelope.ChildKey.Length is 0 or > RequestLimits.MaxIdLength)
        {
            throw new UnprocessableEventException("IncompleteStalls", "An InvestigationStallsChanged event needs the investigation's id and the child's key.");
        }

        var row = await db.InvestigationStalls.FirstOrDefaultAsync(s => s.InvestigationId == payload.InvestigationId && s.ChildKey == envelope.ChildKey, cancellationToken);
        if (payload.Stalls.Count == 0)
        {
            if (row is not null)
            {
                db.InvestigationStalls.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            row = new InvestigationStallRecord { InvestigationId = payload.InvestigationId, ChildKey = envelope.ChildKey };
            db.InvestigationStalls.Add(row);
        }

        (row.Change, row.ChangedAt) = (payload.ToByteArray(), clock.UtcNow);
    }
}
