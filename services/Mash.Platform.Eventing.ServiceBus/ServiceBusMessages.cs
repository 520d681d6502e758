using Azure.Messaging.ServiceBus;
using Google.Protobuf;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Telemetry;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>How a <see cref="TransportMessage"/> is carried in a Service Bus message, both ways.</summary>
internal static class ServiceBusMessages
{
    public const string ContentType = "application/x-protobuf";
    public const string OriginNodeProperty = "mash-origin-node";
    public const string TypeProperty = "mash-type";
    /// <summary>On an event for one node only: that node, for subscription rules that keep it from the others.</summary>
    public const string DestinationNodeProperty = "mash-destination-node";
    /// <summary>On an event for one service of its node (a receipt for the service that shared): that service, for subscription rules.</summary>
    public const string DestinationServiceProperty = "mash-destination-service";
    /// <summary>On a replayed copy: the subscription it is meant for (a topic send reaches them all).</summary>
    public const string ReplayForProperty = "mash-replay-for";
    /// <summary>On a replayed copy: the original message id, which the copy cannot reuse.</summary>
    public const string ReplayOfProperty = "mash-replay-of";

    /// <summary>Service Bus rejects longer message ids.</summary>
    private const int MaxMessageIdLength = 128;

    public static ServiceBusMessage ToServiceBus(TransportMessage message)
    {
        // The message id is the event id: Service Bus duplicate detection relies on a resend
        // carrying the same id, so it is never replaced by a fresh one here.
        var result = new ServiceBusMessage(BinaryData.FromBytes(message.Body))
        {
            MessageId = message.MessageId,
            SessionId = message.SessionId,
            Subject = message.Type,
            ContentType = ContentType,
        };
        result.ApplicationProperties[OriginNodeProperty] = message.OriginNode;
        result.ApplicationProperties[TypeProperty] = message.Type;
        // A batch's events share their address (EventBatches): the first's stands for them all.
        var envelope = message.Type == EventBatches.MessageType ? FirstOfBatch(message.Body) : EnvelopeOf(message.Body);
        if (envelope?.TraceParent is { Length: > 0 } traceParent)
        {
            // Service Bus's own trace header: its SDK and Azure Monitor join the caller's trace too.
            result.ApplicationProperties[EventTracing.DiagnosticIdProperty] = traceParent;
        }

        if (envelope?.DestinationNode is { Length: > 0 } destination)
        {
            result.ApplicationProperties[DestinationNodeProperty] = destination;
        }

        if (envelope?.DestinationService is { Length: > 0 } service)
        {
            result.ApplicationProperties[DestinationServiceProperty] = service;
        }

        return result;
    }

    /// <summary>
    /// A copy of a dead letter to send to the topic again. Duplicate detection would drop a
    /// resend under the original id inside its window, so the copy has a new id; the body (the
    /// envelope, whose event id consumers deduplicate on) is unchanged and the original id
    /// travels in <see cref="ReplayOfProperty"/>, from which receivers restore it.
    /// </summary>
    public static ServiceBusMessage ToReplay(TransportMessage original, string subscriptionName)
    {
        var copy = ToServiceBus(original);
        var suffix = $":replay:{Guid.NewGuid():N}";
        copy.MessageId = original.MessageId.Length + suffix.Length <= MaxMessageIdLength
            ? original.MessageId + suffix
            : suffix[1..];
        copy.ApplicationProperties[ReplayOfProperty] = original.MessageId;
        copy.ApplicationProperties[ReplayForProperty] = subscriptionName;
        return copy;
    }

    public static TransportMessage ToTransport(ServiceBusReceivedMessage message, string topic)
    {
        var properties = message.ApplicationProperties;
        return new TransportMessage(
            MessageId: Text(properties, ReplayOfProperty) ?? message.MessageId,
            Topic: topic,
            SessionId: message.SessionId ?? string.Empty,
            Type: Text(properties, TypeProperty) ?? message.Subject ?? string.Empty,
            OriginNode: Text(properties, OriginNodeProperty) ?? string.Empty,
            Body: message.Body.ToMemory());
    }

    private static EventEnvelope? EnvelopeOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            return EventEnvelope.Parser.ParseFrom(body.Span);
        }
        catch (InvalidProtocolBufferException)
        {
            return null; // not an envelope: sent as it is, the consumer dead-letters it
        }
    }

    private static EventEnvelope? FirstOfBatch(ReadOnlyMemory<byte> body)
    {
        try
        {
            return EventBatches.Read(body).Events.FirstOrDefault();
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static string? Text(IReadOnlyDictionary<string, object> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value as string : null;
}
