using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>Runs a <see cref="MessageHandler"/> on a subscription's sessions and enforces settlement.</summary>
internal sealed class ServiceBusSessionMessageProcessor : IMessageProcessor
{
    private readonly ServiceBusSessionProcessor _processor;
    private readonly Subscription _subscription;
    private readonly MessageHandler _handler;
    private readonly ILogger _logger;

    public ServiceBusSessionMessageProcessor(
        ServiceBusSessionProcessor processor, Subscription subscription, MessageHandler handler, ILogger logger)
    {
        _processor = processor;
        _subscription = subscription;
        _handler = handler;
        _logger = logger;
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += OnErrorAsync;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _processor.StartProcessingAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _processor.StopProcessingAsync(cancellationToken);

    public ValueTask DisposeAsync() => _processor.DisposeAsync();

    private async Task OnMessageAsync(ProcessSessionMessageEventArgs args)
    {
        var delivery = new ServiceBusDelivery(args, _subscription.Topic);
        try
        {
            await _handler(delivery, args.CancellationToken);
        }
        catch (Exception exception)
        {
            // Only the exception's type is logged: handler messages can quote child data.
            _logger.HandlerFailed(args.Message.MessageId, _subscription.Topic, _subscription.Name, delivery.DeliveryCount, exception.GetType().Name);
        }

        if (!delivery.IsSettled)
        {
            // Left locked, the message would hold its session until the lock lapsed; abandoned,
            // it is redelivered now and counts towards the subscription's max delivery count.
            // A handler that returned without settling is treated like one that threw.
            _logger.Abandoning(args.Message.MessageId, _subscription.Topic, _subscription.Name);
            await AbandonQuietlyAsync(delivery);
        }
    }

    private async Task AbandonQuietlyAsync(ServiceBusDelivery delivery)
    {
        try
        {
            // Not the args' token: a stopping processor should still release the message.
            await delivery.AbandonAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is ServiceBusException or InvalidOperationException or OperationCanceledException)
        {
            // A lost lock redelivers the message anyway once it lapses.
            _logger.AbandonFailed(delivery.Message.MessageId, _subscription.Topic, _subscription.Name, exception.GetType().Name);
        }
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        // Service Bus exception messages can name the session (the child key), so only the
        // type and the reason code are logged.
        var reason = args.Exception is ServiceBusException serviceBus ? serviceBus.Reason.ToString() : "none";
        _logger.ProcessorError(_subscription.Topic, _subscription.Name, args.ErrorSource.ToString(), args.Exception.GetType().Name, reason);
        return Task.CompletedTask;
    }
}
