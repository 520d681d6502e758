using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace Mash.Platform.Eventing.Transport;

/// <summary>
/// Events of a topic whose events may be applied in any order (<see cref="Topics.AppliedInAnyOrder"/>) travel
/// several to a broker message, a <c>mash.events.v1.EventBatch</c>: a group commit of new children then costs
/// each consuming service one send, one claim and one settlement, not one of each per child. The broker's
/// per-message writes were most of what a new child cost the node (see docs/benchmarks.md).
/// </summary>
public static class EventBatches
{
    /// <summary>The broker message type of a batch.</summary>
    public const string MessageType = "mash.events.v1.EventBatch";

    /// <summary>The most events one batch carries; a consumer dead-letters a batch of more.</summary>
    public const int MaxEvents = 256;

    /// <summary>
    /// The messages to send for <paramref name="messages"/> (outbox rows in their order): each run of consecutive
    /// messages of a topic applied in any order, from one origin and with one address (nodes and service),
    /// becomes one batch of at most <paramref name="maxPerBatch"/> events; every other message goes as it is.
    /// </summary>
    public static IReadOnlyList<TransportMessage> Group(IReadOnlyList<TransportMessage> messages, int maxPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPerBatch, MaxEvents);
        if (maxPerBatch == 1)
        {
            return messages;
        }

        var grouped = new List<TransportMessage>(messages.Count);
        var run = new List<TransportMessage>();
        foreach (var message in messages)
        {
            if (run.Count > 0 && (run.Count == maxPerBatch || !SameRun(run[0], message)))
            {
                grouped.Add(Of(run));
                run.Clear();
            }

            if (Batchable(message))
            {
                run.Add(message);
            }
            else
            {
                grouped.Add(message);
            }
        }

        if (run.Count > 0)
        {
            grouped.Add(Of(run));
        }

        return grouped;
    }

    /// <summary>A batch's body read back: the envelopes it carries, in the order they were written.</summary>
    /// <exception cref="InvalidProtocolBufferException">The body is not an <c>EventBatch</c>.</exception>
    public static Contracts.Events.V1.EventBatch Read(ReadOnlyMemory<byte> body) => Contracts.Events.V1.EventBatch.Parser.ParseFrom(body.Span);

    private static bool Batchable(TransportMessage message) => Topics.AppliedInAnyOrder(message.Topic) && message.Type != MessageType;

    /// <summary>A batch is addressed as each of its events is: only events with the same address travel together.</summary>
    private static bool SameRun(TransportMessage first, TransportMessage next) =>
        Batchable(next) && next.Topic == first.Topic && next.OriginNode == first.OriginNode
        && next.Service == first.Service && next.Nodes.SequenceEqual(first.Nodes, StringComparer.Ordinal);

    /// <summary>One message as it is; several as a batch.</summary>
    private static TransportMessage Of(List<TransportMessage> run)
    {
        if (run.Count == 1)
        {
            return run[0];
        }

        // The wire form of EventBatch: field 1, each envelope's bytes as they are (an embedded message is length-delimited).
        using var body = new MemoryStream();
        var output = new CodedOutputStream(body);
        foreach (var message in run)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(message.Body));
        }

        output.Flush();
        var first = run[0];
        // Any session does: these events need no order. The first child's spreads batches over sessions as the
        // children themselves would be.
        return new TransportMessage(IdOf(run), first.Topic, first.SessionId, MessageType, first.OriginNode, body.ToArray())
        {
            Nodes = first.Nodes,
            Service = first.Service,
        };
    }

    /// <summary>
    /// From every event id it carries, in order: a relay that sends again after a crash, before it marked the rows
    /// published, builds the same batch with the same id (the broker drops it as a duplicate), and a batch of other
    /// events (rows committed since) gets another id, so duplicate detection never drops an event not yet sent.
    /// </summary>
    private static string IdOf(List<TransportMessage> run)
    {
        var ids = string.Join('\n', run.Select(m => m.MessageId));
        return "batch-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..32];
    }
}
