using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>
/// A subscription's dead-letter sub-queue. Listing peeks (locks nothing); replaying receives
/// until it finds the message, sends a copy to the topic and completes the dead letter.
/// </summary>
/// <remarks>
/// Service Bus cannot send to one subscription, only to its topic, so a replayed copy reaches
/// every subscription of the topic. Consumers deduplicate on the envelope's event id, so the
/// others ignore it; the copy carries <see cref="ServiceBusMessages.ReplayForProperty"/> so a
/// subscription rule can filter it out instead. The copy joins the end of its session, after
/// anything the child received since it was dead-lettered.
/// </remarks>
internal sealed class ServiceBusDeadLetterQueue(
    ServiceBusClient client,
    Subscription subscription,
    Func<ServiceBusSender> topicSender,
    ServiceBusTransportOptions options,
    ILogger logger) : IDeadLetterQueue
{
    private const int ReceiveBatchSize = 100;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var receiver = CreateReceiver();
        var result = new List<DeadLetter>();
        long? from = null;
        while (result.Count < maxCount)
        {
            // A peek can return fewer than asked for while more remain: page on until empty.
            var page = await receiver.PeekMessagesAsync(maxCount - result.Count, from, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            result.AddRange(page.Select(ToDeadLetter));
            from = page[^1].SequenceNumber + 1;
        }
        return result;
    }

    public async Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await using var receiver = CreateReceiver();
        // Messages passed over stay locked until the search ends, so that the next receive
        // cannot hand them back; they are then abandoned (each search adds one to their
        // delivery count, which a dead-letter queue does not act on).
        var passedOver = new List<ServiceBusReceivedMessage>();
        try
        {
            while (passedOver.Count < options.ReplayScanLimit)
            {
                var wanted = Math.Min(ReceiveBatchSize, options.ReplayScanLimit - passedOver.Count);
                var received = await receiver.ReceiveMessagesAsync(wanted, options.DeadLetterReceiveWait, cancellationToken);
                if (received.Count == 0)
                {
                    break;
                }

                ServiceBusReceivedMessage? found = null;
                foreach (var message in received)
                {
                    if (found is null && ServiceBusMessages.ToTransport(message, subscription.Topic).MessageId == messageId)
                    {
                        found = message;
                    }
                    else
                    {
                        passedOver.Add(message);
                    }
                }

                if (found is not null)
                {
                    try
                    {
                        await ReplayFoundAsync(receiver, found, cancellationToken);
                    }
                    catch
                    {
                        // Unlock it too, so that a retried replay can find it at once.
                        passedOver.Add(found);
                        throw;
                    }
                    return true;
                }
            }
            logger.ReplayNotFound(messageId, subscription.Topic, subscription.Name, passedOver.Count);
            return false;
        }
        finally
        {
            await ReleaseAsync(receiver, passedOver);
        }
    }

    private async Task ReplayFoundAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage found, CancellationToken cancellationToken)
    {
        var original = ServiceBusMessages.ToTransport(found, subscription.Topic);
        var copy = ServiceBusMessages.ToReplay(original, subscription.Name);
        // Send before completing: a crash between the two leaves the dead letter in place and
        // a copy delivered, which an idempotent consumer absorbs; the other order could lose it.
        await topicSender().SendMessageAsync(copy, cancellationToken);
        await receiver.CompleteMessageAsync(found, cancellationToken);
        logger.Replayed(original.MessageId, subscription.Topic, subscription.Name, copy.MessageId);
    }

    private async Task ReleaseAsync(ServiceBusReceiver receiver, List<ServiceBusReceivedMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            }
            catch (ServiceBusException exception)
            {
                // The lock lapses on its own; the message stays in the dead-letter queue either way.
                logger.AbandonFailed(message.MessageId, subscription.Topic, subscription.Name, exception.GetType().Name);
            }
        }
    }

    private ServiceBusReceiver CreateReceiver() => client.CreateReceiver(subscription.Topic, subscription.Name, new ServiceBusReceiverOptions
    {
        SubQueue = SubQueue.DeadLetter,
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
    });

    private DeadLetter ToDeadLetter(ServiceBusReceivedMessage message) => new(
        ServiceBusMessages.ToTransport(message, subscription.Topic),
        Reason: message.DeadLetterReason ?? string.Empty,
        Description: message.DeadLetterErrorDescription ?? string.Empty,
        DeliveryCount: message.DeliveryCount,
        // Service Bus keeps no separate dead-lettering time on the message; the enqueued time
        // is the closest it offers.
        DeadLetteredAt: message.EnqueuedTime);
}
