using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Persistence;

namespace Mash.Platform.Eventing.Outbox;

/// <summary>
/// Tells the node's other services that this service recorded a child (topic child-records, within
/// the node), so they name the child on what partners shared about them. Raised the first time a
/// service records the child: a name is all the others need.
/// </summary>
public sealed class ChildRecords(EventOutbox outbox, TimeProvider time)
{
    public void FirstRecorded(MashDbContext db, ChildIdentity child, string childKey, LawfulBasis lawfulBasis, string purpose) =>
        outbox.Enqueue(db, Topics.ChildRecords,
            new ChildRecorded { Child = child, RecordedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) }, childKey, lawfulBasis, purpose);
}
