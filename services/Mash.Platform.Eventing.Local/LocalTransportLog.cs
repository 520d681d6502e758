using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.Local;

/// <summary>
/// The local broker's log lines. They name subscriptions and message (event) ids, never
/// session ids: a session id is a child key.
/// </summary>
internal static partial class LocalTransportLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Local transport processor for {Topic}/{Subscription} started")]
    public static partial void ProcessorStarted(this ILogger logger, string topic, string subscription);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Local transport processor for {Topic}/{Subscription} stopped")]
    public static partial void ProcessorStopped(this ILogger logger, string topic, string subscription);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Handler for {Topic}/{Subscription} failed on message {MessageId} (delivery {DeliveryCount}): {ExceptionType}: {ExceptionMessage}")]
    public static partial void HandlerFailed(this ILogger logger, string topic, string subscription, string messageId, int deliveryCount, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Handler for {Topic}/{Subscription} returned without settling message {MessageId}; it is abandoned")]
    public static partial void HandlerDidNotSettle(this ILogger logger, string topic, string subscription, string messageId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic}/{Subscription} exceeded the maximum delivery count and was dead-lettered")]
    public static partial void MaxDeliveryCountExceeded(this ILogger logger, string topic, string subscription, string messageId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Receiving from {Topic}/{Subscription} failed; retrying: {ExceptionType}: {ExceptionMessage}")]
    public static partial void ReceiveFailed(this ILogger logger, string topic, string subscription, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Could not hand back message {MessageId} on {Topic}/{Subscription}; it is redelivered when its lock expires: {ExceptionType}: {ExceptionMessage}")]
    public static partial void ReleaseFailed(this ILogger logger, string topic, string subscription, string messageId, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Processor for {Topic}/{Subscription} stopped with {Count} handlers still running; their messages were released for redelivery")]
    public static partial void StoppedWithHandlersRunning(this ILogger logger, string topic, string subscription, int count);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Dropped {Count} duplicate message(s) on send")]
    public static partial void DuplicatesDropped(this ILogger logger, int count);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Doorbell watcher unavailable ({ExceptionType}: {ExceptionMessage}); other processes' sends are seen by polling")]
    public static partial void DoorbellUnavailable(this ILogger logger, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Doorbell watcher reported {ExceptionType}; waking processors")]
    public static partial void DoorbellWatcherError(this ILogger logger, string exceptionType);
}
