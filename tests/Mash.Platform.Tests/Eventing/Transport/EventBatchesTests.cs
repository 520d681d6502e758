using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Tests.Eventing.Transport;

public sealed class EventBatchesTests
{
    private static TransportMessage Event(string id, string topic = Topics.ChildRecords, string origin = "police") =>
        new(id, topic, "child-" + id, "mash.events.v1.ChildRecorded", origin,
            new EventEnvelope { EventId = id, Type = "mash.events.v1.ChildRecorded", OriginNode = origin, ChildKey = "child-" + id }.ToByteArray());

    private static List<string> IdsIn(TransportMessage batch) => [.. EventBatches.Read(batch.Body).Events.Select(e => e.EventId)];

    [Fact]
    public void Consecutive_child_records_travel_as_one_batch_carrying_each_envelope_in_order_and_other_topics_keep_their_place()
    {
        var flag = Event("f1", Topics.CseFlags);
        var sent = EventBatches.Group([Event("c1"), Event("c2"), Event("c3"), flag, Event("c4")], maxPerBatch: 32);

        Assert.Equal([EventBatches.MessageType, flag.Type, "mash.events.v1.ChildRecorded"], sent.Select(m => m.Type));
        Assert.Equal(["c1", "c2", "c3"], IdsIn(sent[0]));
        Assert.Equal((Topics.ChildRecords, "police", "child-c1"), (sent[0].Topic, sent[0].OriginNode, sent[0].SessionId));
        Assert.Same(flag, sent[1]);
        Assert.Equal("c4", sent[2].MessageId); // a child record alone goes as it is
    }

    [Fact]
    public void A_run_longer_than_the_limit_is_split_and_a_limit_of_one_sends_each_alone()
    {
        TransportMessage[] records = [.. Enumerable.Range(1, 7).Select(i => Event("c" + i))];

        Assert.Equal([3, 3, 1], EventBatches.Group(records, maxPerBatch: 3).Select(m => m.Type == EventBatches.MessageType ? IdsIn(m).Count : 1));
        Assert.Equal(records, EventBatches.Group(records, maxPerBatch: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventBatches.Group(records, EventBatches.MaxEvents + 1));
    }

    [Fact]
    public void Only_events_with_one_origin_and_one_address_travel_together_and_the_batch_keeps_that_address()
    {
        var forThisNode = Event("c1") with { Nodes = ["police"] };
        var alsoForThisNode = Event("c2") with { Nodes = ["police"] };
        var forOneService = Event("c3") with { Nodes = ["police"], Service = "assessment" };
        var sent = EventBatches.Group([forThisNode, alsoForThisNode, forOneService, Event("c4"), Event("c5", origin: "health")], maxPerBatch: 32);

        Assert.Equal([EventBatches.MessageType, "c3", "c4", "c5"], sent.Select(m => m.Type == EventBatches.MessageType ? m.Type : m.MessageId));
        Assert.Equal(["police"], sent[0].Nodes);
        Assert.Equal("", sent[0].Service);
    }

    [Fact]
    public void A_batch_sent_again_has_the_same_id_and_one_with_another_event_a_different_id()
    {
        // A relay that crashed after the send builds the same batch again: the broker drops the copy. A batch with a row
        // committed since must not look like it, or duplicate detection would drop that row's event unsent.
        var first = EventBatches.Group([Event("c1"), Event("c2")], 32).Single();
        var again = EventBatches.Group([Event("c1"), Event("c2")], 32).Single();
        var grown = EventBatches.Group([Event("c1"), Event("c2"), Event("c3")], 32).Single();

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.MessageId, grown.MessageId);
        Assert.StartsWith("batch-", first.MessageId, StringComparison.Ordinal);
        Assert.True(first.MessageId.Length <= 128); // Service Bus's limit
    }
}
