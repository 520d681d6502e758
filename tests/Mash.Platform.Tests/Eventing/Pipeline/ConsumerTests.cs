using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Persistence;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Transport;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;
using Agency = Mash.Contracts.Common.V1.Agency;
using LawfulBasis = Mash.Contracts.Common.V1.LawfulBasis;

namespace Mash.Platform.Tests.Eventing.Pipeline;

public sealed class ConsumerSqliteTests() : ConsumerTests(DatabaseProvider.Sqlite);

public sealed class ConsumerPostgreSqlTests() : ConsumerTests(DatabaseProvider.PostgreSql);

/// <summary>Run once per database provider.</summary>
public abstract class ConsumerTests : IDisposable
{
    private static readonly Subscription Flags = new(Topics.CseFlags, "assessment-" + EventingHarness.NodeId);
    private readonly EventingHarness _harness;

    private protected ConsumerTests(DatabaseProvider provider)
    {
        _harness = new EventingHarness(provider);
    }

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    private static EventEnvelope Envelope(string eventId, string originNode = "test-police", IMessage? payload = null) => new()
    {
        EventId = eventId,
        Type = (payload ?? new CseFlagChanged()).Descriptor.FullName,
        OriginNode = originNode,
        OriginAgency = Agency.Police,
        OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
        SchemaVersion = 1,
        LawfulBasis = LawfulBasis.PublicTask,
        ChildKey = "child-key-1",
        Payload = Any.Pack(payload ?? new CseFlagChanged { FlagId = "f1", Action = FlagAction.Raised, Risk = CseRisk.High, Reason = "found with older men" }),
        Purpose = "safeguarding",
    };

    private async Task<RecordedDelivery> DeliverAsync(EventEnvelope envelope, int deliveryCount = 1) =>
        await DeliverAsync(envelope.ToByteArray(), envelope.Type, envelope.EventId, deliveryCount);

    private Task<RecordedDelivery> DeliverAsync(byte[] body, string type, string messageId, int deliveryCount = 1) =>
        DeliverAsync(Flags, body, type, messageId, deliveryCount);

    private async Task<RecordedDelivery> DeliverAsync(Subscription subscription, byte[] body, string type, string messageId, int deliveryCount = 1)
    {
        var delivery = new RecordedDelivery
        {
            Message = new TransportMessage(messageId, subscription.Topic, "child-key-1", type, "test-police", body),
            DeliveryCount = deliveryCount,
        };
        await _harness.Consumer().HandleAsync(subscription, delivery, CancellationToken.None);
        return delivery;
    }

    private Task<int> NotesAsync() => _harness.QueryAsync(db => db.Notes.CountAsync());

    [SkippableFact]
    public async Task An_event_delivered_three_times_is_applied_once_and_each_delivery_is_completed()
    {
        var envelope = Envelope("evt-1");
        var deliveries = new[] { await DeliverAsync(envelope), await DeliverAsync(envelope, 2), await DeliverAsync(envelope, 3) };

        Assert.All(deliveries, d => Assert.Equal("completed", d.Settlement));
        Assert.Equal(1, await NotesAsync());
        Assert.Equal(1, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
    }

    [SkippableFact]
    public async Task An_event_sent_again_past_the_brokers_duplicate_detection_is_applied_once_with_one_audit_entry()
    {
        // Both first deliveries: the second is applied without an inbox lookup, and its save fails alone on the inbox's key.
        var envelope = Envelope("evt-resent");
        var deliveries = new[] { await DeliverAsync(envelope), await DeliverAsync(envelope) };

        Assert.All(deliveries, d => Assert.Equal("completed", d.Settlement));
        Assert.Equal(1, await NotesAsync());
        Assert.Equal(1, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
        Assert.Equal(1, await _harness.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task A_copy_of_an_applied_event_that_its_handler_refuses_is_completed_and_a_new_one_dead_lettered()
    {
        await DeliverAsync(Envelope("evt-applied"));
        _harness.Behaviour.Unprocessable = true;

        var copy = await DeliverAsync(Envelope("evt-applied"));
        var refused = await DeliverAsync(Envelope("evt-new"));

        Assert.Equal(("completed", "dead-lettered"), (copy.Settlement, refused.Settlement));
        Assert.Equal(1, await NotesAsync());
    }

    [SkippableFact]
    public async Task An_event_addressed_to_another_node_is_completed_without_being_applied_and_one_addressed_here_is_applied()
    {
        var elsewhere = Envelope("evt-elsewhere");
        elsewhere.DestinationNode = "some-other-node";
        var here = Envelope("evt-here");
        here.DestinationNode = EventingHarness.NodeId;

        Assert.Equal("completed", (await DeliverAsync(elsewhere)).Settlement);
        Assert.Equal(0, await NotesAsync());
        Assert.Equal("completed", (await DeliverAsync(here)).Settlement);
        Assert.Equal(1, await NotesAsync());
        Assert.Equal(["evt-here"], await _harness.QueryAsync(db => db.Set<ProcessedEvent>().Select(e => e.EventId).ToListAsync()));
    }

    [SkippableFact]
    public async Task An_event_for_another_service_of_this_node_is_completed_without_being_applied_and_one_for_this_service_is_applied()
    {
        var forOffender = Envelope("evt-offender");
        forOffender.DestinationService = "offender";
        var forThisService = Envelope("evt-assessment");
        forThisService.DestinationService = _harness.Identity.ServiceName;

        Assert.Equal("completed", (await DeliverAsync(forOffender)).Settlement);
        Assert.Equal(0, await NotesAsync());
        Assert.Equal("completed", (await DeliverAsync(forThisService)).Settlement);
        Assert.Equal(1, await NotesAsync());
        Assert.Equal(["evt-assessment"], await _harness.QueryAsync(db => db.Set<ProcessedEvent>().Select(e => e.EventId).ToListAsync()));
    }

    [SkippableFact]
    public async Task Applying_an_event_is_audited_as_a_write_by_the_partner_node()
    {
        await DeliverAsync(Envelope("evt-audit"));

        var entry = await _harness.QueryAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal("police", entry.Agency);
        Assert.Equal("node:test-police", entry.ClientId);
        Assert.Equal("event:mash.events.v1.CseFlagChanged", entry.Method);
        Assert.Equal("child-key-1", entry.ChildKey);
        Assert.Equal("safeguarding", entry.Purpose);
        Assert.Equal("LAWFUL_BASIS_PUBLIC_TASK", entry.LawfulBasis);
    }

    [SkippableFact]
    public async Task A_handler_failure_abandons_the_message_and_stores_nothing_then_a_redelivery_applies_it()
    {
        _harness.Behaviour.Fail = true;
        var failed = await DeliverAsync(Envelope("evt-2"));
        Assert.Equal("abandoned", failed.Settlement);
        Assert.Equal(0, await NotesAsync());
        Assert.Equal(0, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));

        _harness.Behaviour.Fail = false;
        var redelivered = await DeliverAsync(Envelope("evt-2"), 2);
        Assert.Equal("completed", redelivered.Settlement);
        Assert.Equal(1, await NotesAsync());
    }

    [SkippableFact]
    public async Task Messages_that_can_never_be_applied_are_dead_lettered_with_their_reason()
    {
        Assert.Equal("BadPayload", (await DeliverAsync([1, 2, 3, 255], "garbage", "m-1")).DeadLetterReason);
        Assert.Equal("UnknownType", (await DeliverAsync(Envelope("evt-3", payload: new ReferralReceived { ReferralId = "r" }))).DeadLetterReason);

        var future = Envelope("evt-4");
        future.SchemaVersion = 99;
        Assert.Equal("UnsupportedPayload", (await DeliverAsync(future)).DeadLetterReason);

        _harness.Behaviour.Unprocessable = true;
        Assert.Equal("FlagForUnknownChild", (await DeliverAsync(Envelope("evt-5"))).DeadLetterReason);
        Assert.Equal(0, await NotesAsync());
    }

    [SkippableFact]
    public async Task A_topics_event_type_this_service_does_not_apply_is_settled_not_dead_lettered()
    {
        // Strategy discussions carry concluded and outstanding ones; a service may take only the first.
        var discussions = new Subscription(Topics.StrategyDiscussions, "investigation-" + EventingHarness.NodeId);
        var outstanding = Envelope("evt-7", payload: new StrategyDiscussionOutstanding { Discussion = new() { DiscussionId = "dsc-1" } });
        var misrouted = Envelope("evt-8", payload: new ReferralReceived { ReferralId = "r" });

        var settled = await DeliverAsync(discussions, outstanding.ToByteArray(), outstanding.Type, outstanding.EventId);
        var refused = await DeliverAsync(discussions, misrouted.ToByteArray(), misrouted.Type, misrouted.EventId);

        Assert.Equal("completed", settled.Settlement);
        Assert.Equal("UnknownType", refused.DeadLetterReason);
        Assert.Equal(0, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
    }

    [SkippableFact]
    public async Task The_nodes_own_events_echoed_back_are_settled_without_being_applied()
    {
        var own = await DeliverAsync(Envelope("evt-6", originNode: EventingHarness.NodeId));

        Assert.Equal("completed", own.Settlement);
        Assert.Equal(0, await NotesAsync());
    }
    private static readonly Subscription ChildRecords = new(Topics.ChildRecords, "assessment-" + EventingHarness.NodeId);

    private Task<RecordedDelivery> DeliverBatchAsync(Subscription subscription, int deliveryCount, params EventEnvelope[] envelopes)
    {
        var batch = new EventBatch { Events = { envelopes } };
        return DeliverAsync(subscription, batch.ToByteArray(), EventBatches.MessageType, "batch-1", deliveryCount);
    }

    private void ApplyFlagsOnChildRecords() => _harness.Registry.Add<CseFlagChanged, NoteFromFlag>(Topics.ChildRecords, EventOrigin.OtherNodes);

    [SkippableFact]
    public async Task A_batchs_events_are_each_applied_once_with_their_own_inbox_row_and_audit_entry_and_a_redelivery_applies_none_again()
    {
        ApplyFlagsOnChildRecords();
        EventEnvelope[] events = [Envelope("evt-b1"), Envelope("evt-b2"), Envelope("evt-b3")];

        var first = await DeliverBatchAsync(ChildRecords, 1, events);
        var again = await DeliverBatchAsync(ChildRecords, 2, events);

        Assert.Equal(("completed", "completed"), (first.Settlement, again.Settlement));
        Assert.Equal(3, await NotesAsync());
        Assert.Equal(["evt-b1", "evt-b2", "evt-b3"], await _harness.QueryAsync(db => db.Set<ProcessedEvent>().OrderBy(e => e.EventId).Select(e => e.EventId).ToListAsync()));
        Assert.Equal(3, await _harness.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task A_batch_with_an_event_that_can_never_be_applied_applies_the_others_and_is_dead_lettered_naming_it()
    {
        ApplyFlagsOnChildRecords();
        _harness.Behaviour.RefusedEventId = "evt-bad";
        var notHandled = Envelope("evt-unknown", payload: new ReferralReceived { ReferralId = "r" });

        var delivery = await DeliverBatchAsync(ChildRecords, 1, Envelope("evt-ok-1"), Envelope("evt-bad"), Envelope("evt-ok-2"), notHandled);

        Assert.Equal(("dead-lettered", "FlagForUnknownChild"), (delivery.Settlement, delivery.DeadLetterReason));
        Assert.Contains("2 of the batch's 4 events", delivery.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Contains("evt-bad", delivery.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Equal(2, await NotesAsync());
    }

    [SkippableFact]
    public async Task A_batch_whose_handler_fails_is_abandoned_and_its_redelivery_applies_the_rest_without_applying_any_twice()
    {
        ApplyFlagsOnChildRecords();
        _harness.Behaviour.FailingEventId = "evt-f2";
        EventEnvelope[] events = [Envelope("evt-f1"), Envelope("evt-f2"), Envelope("evt-f3")];

        var failed = await DeliverBatchAsync(ChildRecords, 1, events);
        Assert.Equal("abandoned", failed.Settlement);
        Assert.Equal(2, await NotesAsync()); // the others were applied and committed all the same

        _harness.Behaviour.FailingEventId = null;
        var redelivered = await DeliverBatchAsync(ChildRecords, 2, events);
        Assert.Equal("completed", redelivered.Settlement);
        Assert.Equal(3, await NotesAsync());
        Assert.Equal(3, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
    }

    [SkippableFact]
    public async Task A_batch_on_a_topic_whose_events_keep_their_order_or_of_too_many_events_is_dead_lettered_unapplied()
    {
        ApplyFlagsOnChildRecords();
        var onFlags = await DeliverBatchAsync(Flags, 1, Envelope("evt-o1"), Envelope("evt-o2"));
        var tooMany = await DeliverBatchAsync(ChildRecords, 1, [.. Enumerable.Range(0, EventBatches.MaxEvents + 1).Select(i => Envelope("evt-m" + i))]);
        var garbage = await DeliverAsync(ChildRecords, [1, 2, 3, 255], EventBatches.MessageType, "batch-2");

        Assert.Equal(["UnsupportedBatch", "UnsupportedBatch", "BadPayload"], new[] { onFlags, tooMany, garbage }.Select(d => d.DeadLetterReason));
        Assert.Equal(0, await NotesAsync());
    }
    [SkippableFact]
    public async Task A_batchs_events_are_audited_each_with_its_own_purpose_and_lawful_basis()
    {
        ApplyFlagsOnChildRecords();
        var enquiry = Envelope("evt-p2");
        (enquiry.Purpose, enquiry.LawfulBasis, enquiry.ChildKey) = ("section 47 enquiry", LawfulBasis.SafeguardingOfChildren, "child-key-2");

        var delivery = await DeliverBatchAsync(ChildRecords, 1, Envelope("evt-p1"), enquiry, Envelope("evt-p3"));

        Assert.Equal("completed", delivery.Settlement);
        var entries = await _harness.QueryAsync(db => db.AuditEntries.OrderBy(e => e.ChildKey).Select(e => new { e.ChildKey, e.Purpose, e.LawfulBasis, e.Method }).ToListAsync());
        Assert.Equal(
            [("child-key-1", "safeguarding", "LAWFUL_BASIS_PUBLIC_TASK"), ("child-key-1", "safeguarding", "LAWFUL_BASIS_PUBLIC_TASK"),
             ("child-key-2", "section 47 enquiry", "LAWFUL_BASIS_SAFEGUARDING_OF_CHILDREN")],
            entries.Select(e => (e.ChildKey, e.Purpose, e.LawfulBasis)));
        Assert.All(entries, e => Assert.Equal("event:mash.events.v1.CseFlagChanged", e.Method));
    }

    [SkippableFact]
    public async Task An_event_twice_in_one_batch_is_applied_once()
    {
        ApplyFlagsOnChildRecords();
        var twice = Envelope("evt-t1");

        var delivery = await DeliverBatchAsync(ChildRecords, 1, twice, Envelope("evt-t2"), twice);

        Assert.Equal("completed", delivery.Settlement);
        Assert.Equal(2, await NotesAsync());
        Assert.Equal(2, await _harness.QueryAsync(db => db.Set<ProcessedEvent>().CountAsync()));
        Assert.Equal(2, await _harness.QueryAsync(db => db.AuditEntries.CountAsync()));
    }
}
