using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>
/// The transport's log lines. Message ids (event ids), topics and subscriptions only: never a
/// body or a session id, which is a child key.
/// </summary>
internal static partial class ServiceBusLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Sent {Count} message(s) to topic {Topic} in {Batches} batch(es)")]
    public static partial void Sent(this ILogger logger, int count, string topic, int batches);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Handler for {Topic}/{Subscription} threw {ExceptionType} on message {MessageId} (delivery {DeliveryCount})")]
    public static partial void HandlerFailed(this ILogger logger, string messageId, string topic, string subscription, int deliveryCount, string exceptionType);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic}/{Subscription} was not settled by its handler; abandoning it for redelivery")]
    public static partial void Abandoning(this ILogger logger, string messageId, string topic, string subscription);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Abandoning message {MessageId} on {Topic}/{Subscription} failed with {ExceptionType}; its lock will lapse instead")]
    public static partial void AbandonFailed(this ILogger logger, string messageId, string topic, string subscription, string exceptionType);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Service Bus processor for {Topic}/{Subscription} failed in {ErrorSource}: {ExceptionType} (reason {Reason})")]
    public static partial void ProcessorError(this ILogger logger, string topic, string subscription, string errorSource, string exceptionType, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Replayed dead letter {MessageId} of {Topic}/{Subscription} as message {ReplayMessageId}")]
    public static partial void Replayed(this ILogger logger, string messageId, string topic, string subscription, string replayMessageId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Dead letter {MessageId} not found in {Topic}/{Subscription} after looking at {Scanned} message(s)")]
    public static partial void ReplayNotFound(this ILogger logger, string messageId, string topic, string subscription, int scanned);
}
