using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Persistence;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;
using Agency = Mash.Contracts.Common.V1.Agency;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;

namespace Mash.Platform.Tests.Eventing.Pipeline;

public sealed class BatchedConsumerSqliteTests() : BatchedConsumerTests(DatabaseProvider.Sqlite);

public sealed class BatchedConsumerPostgreSqlTests() : BatchedConsumerTests(DatabaseProvider.PostgreSql);

/// <summary>
/// Events of a handler that allows it (<see cref="IAppliedTogether"/>) arriving while others are applied wait and are
/// applied together, in one scope and one save; each keeps the outcome, inbox row and audit entry it would have had alone.
/// </summary>
public abstract class BatchedConsumerTests : IDisposable
{
    internal static readonly Subscription Children = new(Topics.ChildRecords, "assessment-" + EventingHarness.NodeId);
    private readonly EventingHarness _harness;

    private protected BatchedConsumerTests(DatabaseProvider provider)
    {
        _harness = new EventingHarness(provider);
    }

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static EventEnvelope Recorded(string eventId, string childKey, string originNode = EventingHarness.PartnerNode, Agency agency = Agency.Police) => new()
    {
        EventId = eventId,
        Type = ChildRecorded.Descriptor.FullName,
        OriginNode = originNode,
        OriginAgency = agency,
        OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
        SchemaVersion = 1,
        LawfulBasis = LawfulBasis.PublicTask,
        ChildKey = childKey,
        Payload = Any.Pack(new ChildRecorded { Child = new ChildIdentity { NhsNumber = "9991234578" }, RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow) }),
        Purpose = "safeguarding",
    };

    internal static RecordedDelivery Delivery(EventEnvelope envelope, int deliveryCount = 1) => new()
    {
        Message = new TransportMessage(envelope.EventId, Children.Topic, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray()),
        DeliveryCount = deliveryCount,
    };

    /// <summary>
    /// The first delivery is held in its handler while the others arrive, as deliveries of a busy subscription do: they
    /// wait for it, then are applied together.
    /// </summary>
    private async Task<RecordedDelivery[]> DeliverWhileOneIsAppliedAsync(EventConsumer consumer, params RecordedDelivery[] deliveries)
    {
        _harness.Behaviour.HoldEventId = deliveries[0].Message.MessageId;
        var handling = deliveries.Select(d => consumer.HandleAsync(Children, d, CancellationToken.None)).ToArray();
        _harness.Behaviour.Released.TrySetResult();
        await Task.WhenAll(handling);
        return deliveries;
    }

    private Task<int> NotesAsync() => _harness.QueryAsync(db => db.Notes.CountAsync());

    private Guid ContextOf(string eventId) => _harness.Behaviour.ContextOf[eventId];

    [SkippableFact]
    public async Task Events_that_arrive_while_one_is_applied_are_applied_together_each_audited_as_its_own_origin()
    {
        var deliveries = await DeliverWhileOneIsAppliedAsync(_harness.Consumer(),
            Delivery(Recorded("evt-1", "child-1")),
            Delivery(Recorded("evt-2", "child-2")),
            Delivery(Recorded("evt-3", "child-3", "test-health", Agency.Health)),
            Delivery(Recorded("evt-4", "child-4")));

        Assert.All(deliveries, d => Assert.Equal("completed", d.Settlement));
        Assert.Equal(ContextOf("evt-2"), ContextOf("evt-3"));
        Assert.Equal(ContextOf("evt-2"), ContextOf("evt-4"));
        Assert.NotEqual(ContextOf("evt-1"), ContextOf("evt-2"));
        Assert.Equal(4, await NotesAsync());
        Assert.Equal(4, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
        var entries = await _harness.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["child-1", "child-2", "child-3", "child-4"], entries.Select(e => e.ChildKey));
        Assert.Equal(["node:test-police", "node:test-police", "node:test-health", "node:test-police"], entries.Select(e => e.ClientId));
        Assert.Equal(["police", "police", "health", "police"], entries.Select(e => e.Agency));
        Assert.All(entries, e => Assert.Equal("event:mash.events.v1.ChildRecorded", e.Method));
        var verification = await _harness.QueryAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(verification.Intact, verification.Reason);
    }

    [SkippableFact]
    public async Task A_refused_event_among_others_is_dead_lettered_alone_and_the_others_applied()
    {
        _harness.Behaviour.RefuseEventId = "evt-refused";
        var deliveries = await DeliverWhileOneIsAppliedAsync(_harness.Consumer(),
            Delivery(Recorded("evt-1", "child-1")),
            Delivery(Recorded("evt-2", "child-2")),
            Delivery(Recorded("evt-refused", "child-3")),
            Delivery(Recorded("evt-4", "child-4")));

        Assert.Equal(["completed", "completed", "dead-lettered", "completed"], deliveries.Select(d => d.Settlement));
        Assert.Equal("IncompleteChild", deliveries[2].DeadLetterReason);
        Assert.Equal(3, await NotesAsync());
        Assert.Equal(["evt-1", "evt-2", "evt-4"], await _harness.QueryAsync(db => db.Set<ProcessedEvent>().OrderBy(e => e.EventId).Select(e => e.EventId).ToListAsync()));
        Assert.Equal(["child-1", "child-2", "child-4"], await _harness.QueryAsync(db => db.AuditEntries.OrderBy(e => e.ChildKey).Select(e => e.ChildKey).ToListAsync()));
    }

    [SkippableFact]
    public async Task A_failing_event_among_others_is_handed_back_for_redelivery_and_the_others_applied()
    {
        _harness.Behaviour.FailEventId = "evt-failing";
        var consumer = _harness.Consumer();
        var deliveries = await DeliverWhileOneIsAppliedAsync(consumer,
            Delivery(Recorded("evt-1", "child-1")),
            Delivery(Recorded("evt-failing", "child-2")),
            Delivery(Recorded("evt-3", "child-3")));

        Assert.Equal(["completed", "abandoned", "completed"], deliveries.Select(d => d.Settlement));
        Assert.Equal(2, await NotesAsync());

        _harness.Behaviour.FailEventId = "";
        var redelivered = Delivery(Recorded("evt-failing", "child-2"), deliveryCount: 2);
        await consumer.HandleAsync(Children, redelivered, CancellationToken.None);
        Assert.Equal("completed", redelivered.Settlement);
        Assert.Equal(3, await NotesAsync());
    }

    [SkippableFact]
    public async Task Copies_of_applied_events_among_others_are_completed_and_applied_once()
    {
        var consumer = _harness.Consumer();
        await consumer.HandleAsync(Children, Delivery(Recorded("evt-resent", "child-2")), CancellationToken.None);
        await consumer.HandleAsync(Children, Delivery(Recorded("evt-redelivered", "child-3")), CancellationToken.None);

        // One sent again past the broker's duplicate detection (a first delivery), one delivered again (its second).
        var deliveries = await DeliverWhileOneIsAppliedAsync(consumer,
            Delivery(Recorded("evt-1", "child-1")),
            Delivery(Recorded("evt-resent", "child-2")),
            Delivery(Recorded("evt-redelivered", "child-3"), deliveryCount: 2),
            Delivery(Recorded("evt-4", "child-4")));

        Assert.All(deliveries, d => Assert.Equal("completed", d.Settlement));
        Assert.Equal(4, await NotesAsync());
        Assert.Equal(4, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
        Assert.Equal(4, await _harness.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task With_one_event_per_save_configured_each_is_applied_in_its_own_scope()
    {
        await DeliverWhileOneIsAppliedAsync(_harness.Consumer(new EventingOptions { MaxEventsAppliedTogether = 1 }),
            Delivery(Recorded("evt-1", "child-1")),
            Delivery(Recorded("evt-2", "child-2")),
            Delivery(Recorded("evt-3", "child-3")));

        Assert.Equal(3, _harness.Behaviour.ContextOf.Values.Distinct().Count());
        Assert.Equal(3, await NotesAsync());
    }
}
