using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Time;
using Mash.StrategyDiscussion.Data;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.IntegrationEvents;

/// <summary>
/// Another service of this node recorded a child: kept, so a partner's discussion about that child is
/// named here as this node knows them (the latest identity recorded wins).
/// </summary>
internal sealed class ChildRecordedHandler(StrategyDbContext db, CallAudit audit) : IIntegrationEventHandler<ChildRecorded>
{
    public async Task HandleAsync(EventEnvelope envelope, ChildRecorded payload, CancellationToken cancellationToken)
    {
        if (payload.Child is null || envelope.ChildKey.Length == 0 || !Timestamps.TryUtc(payload.RecordedAt, out var recordedAt))
        {
            throw new UnprocessableEventException("IncompleteChild", "A ChildRecorded event needs the child, the child key and when it was recorded.");
        }

        audit.Touch(envelope.ChildKey, "known-child");
        var known = await db.KnownChildren.FirstOrDefaultAsync(c => c.ChildKey == envelope.ChildKey, cancellationToken);
        if (known is null)
        {
            db.KnownChildren.Add(new KnownChildRecord { ChildKey = envelope.ChildKey, Child = payload.Child.ToByteArray(), RecordedAt = recordedAt });
        }
        else if (recordedAt >= known.RecordedAt)
        {
            known.Child = payload.Child.ToByteArray();
            known.RecordedAt = recordedAt;
        }
    }
}
