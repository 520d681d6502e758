using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>Packs one topic's messages into as few batches as fit, in their order.</summary>
internal static class ServiceBusBatches
{
    public static async Task<IReadOnlyList<ServiceBusMessageBatch>> BuildAsync(
        ServiceBusSender sender, string topic, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        var batches = new List<ServiceBusMessageBatch>();
        try
        {
            ServiceBusMessageBatch? current = null;
            foreach (var message in messages)
            {
                Validate(message);
                var serviceBusMessage = ServiceBusMessages.ToServiceBus(message);
                if (current is not null && current.TryAddMessage(serviceBusMessage))
                {
                    continue;
                }

                current = await sender.CreateMessageBatchAsync(cancellationToken);
                batches.Add(current);
                if (!current.TryAddMessage(serviceBusMessage))
                {
                    throw new InvalidOperationException(
                        $"Message {message.MessageId} ({message.Body.Length} bytes of body) is too large for topic {topic}: " +
                        $"a batch holds at most {current.MaxSizeInBytes} bytes. Nothing was sent.");
                }
            }
            return batches;
        }
        catch
        {
            foreach (var batch in batches)
            {
                batch.Dispose();
            }
            throw;
        }
    }

    private static void Validate(TransportMessage message)
    {
        // A session-enabled subscription dead-letters a message without a session id, and one
        // without a message id would defeat duplicate detection: refuse both before sending.
        if (string.IsNullOrEmpty(message.MessageId))
        {
            throw new ArgumentException("A transport message needs a message id (the event id).", nameof(message));
        }
        if (string.IsNullOrEmpty(message.SessionId))
        {
            throw new ArgumentException($"Message {message.MessageId} has no session id (child key).", nameof(message));
        }
    }
}
