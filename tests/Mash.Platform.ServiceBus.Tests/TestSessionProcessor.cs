using Azure.Messaging.ServiceBus;

namespace Mash.Platform.ServiceBus.Tests;

/// <summary>
/// A session processor that never connects: the SDK's documented test seam, where a derived
/// processor raises <see cref="ServiceBusSessionProcessor.OnProcessSessionMessageAsync"/> itself.
/// Built on an offline client so that the transport's handlers attach to a real inner processor.
/// </summary>
internal sealed class TestSessionProcessor(ServiceBusClient offlineClient, string topic, string subscription, ServiceBusSessionProcessorOptions options)
    : ServiceBusSessionProcessor(offlineClient, topic, subscription, options)
{
    public ServiceBusSessionProcessorOptions CreatedWith { get; } = options;
    public bool Started { get; private set; }
    public bool Stopped { get; private set; }

    public override Task StartProcessingAsync(CancellationToken cancellationToken = default)
    {
        Started = true;
        return Task.CompletedTask;
    }

    public override Task StopProcessingAsync(CancellationToken cancellationToken = default)
    {
        Stopped = true;
        return Task.CompletedTask;
    }

    public Task DeliverAsync(ServiceBusReceivedMessage message, ServiceBusSessionReceiver receiver) =>
        OnProcessSessionMessageAsync(new ProcessSessionMessageEventArgs(message, receiver, CancellationToken.None));

    public Task RaiseErrorAsync(Exception exception) =>
        OnProcessErrorAsync(new ProcessErrorEventArgs(exception, ServiceBusErrorSource.Receive, "mash-test.servicebus.windows.net", "cse-flags/Subscriptions/x", CancellationToken.None));
}
