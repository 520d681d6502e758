using System.Text;
using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.ServiceBus;
using Mash.Platform.Eventing.Transport;
using Moq;

namespace Mash.Platform.ServiceBus.Tests;

public sealed class ProcessorTests : IAsyncDisposable
{
    private static readonly Subscription Subscription = new("cse-flags", "assessment-social-care");

    private readonly ServiceBusClient _offline = new(Fakes.OfflineConnectionString);
    private readonly Mock<ServiceBusClient> _client = new();
    private readonly Mock<ServiceBusSessionReceiver> _receiver = new();
    private TestSessionProcessor? _processor;

    public ProcessorTests()
    {
        _client.Setup(client => client.CreateSessionProcessor(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ServiceBusSessionProcessorOptions>()))
            .Returns((string topic, string subscription, ServiceBusSessionProcessorOptions options) =>
                _processor = new TestSessionProcessor(_offline, topic, subscription, options));
        _receiver.SetupGet(receiver => receiver.SessionId).Returns("child-key-1");
    }

    [Fact]
    public async Task Left_unset_the_processor_holds_the_SDK_default_of_8_sessions()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await using var processor = transport.CreateProcessor(Subscription, (_, _) => Task.CompletedTask, new ProcessorOptions());

        Assert.Equal(8, _processor!.CreatedWith.MaxConcurrentSessions);
    }

    [Fact]
    public async Task The_processor_reads_the_subscription_sessions_with_explicit_settlement_one_message_per_child()
    {
        await using var transport = new ServiceBusTransport(_client.Object);

        await using var processor = transport.CreateProcessor(Subscription, (_, _) => Task.CompletedTask, new ProcessorOptions { MaxConcurrentSessions = 3 });
        await processor.StartAsync(CancellationToken.None);
        await processor.StopAsync(CancellationToken.None);

        _client.Verify(client => client.CreateSessionProcessor("cse-flags", "assessment-social-care", It.IsAny<ServiceBusSessionProcessorOptions>()), Times.Once);
        var options = _processor!.CreatedWith;
        Assert.False(options.AutoCompleteMessages);
        Assert.Equal(3, options.MaxConcurrentSessions);
        Assert.Equal(1, options.MaxConcurrentCallsPerSession);
        Assert.Equal(ServiceBusReceiveMode.PeekLock, options.ReceiveMode);
        Assert.Equal(TimeSpan.FromSeconds(1), options.SessionIdleTimeout);
        // The processor the SDK built from those options agrees.
        Assert.False(_processor.AutoCompleteMessages);
        Assert.Equal(1, _processor.MaxConcurrentCallsPerSession);
        Assert.Equal("cse-flags/Subscriptions/assessment-social-care", _processor.EntityPath);
        Assert.True(_processor.Started);
        Assert.True(_processor.Stopped);
    }

    [Fact]
    public async Task A_delivery_is_mapped_to_the_transport_message()
    {
        ReceivedMessage? seen = null;
        await using var transport = new ServiceBusTransport(_client.Object);
        await using var processor = transport.CreateProcessor(Subscription, async (message, cancellationToken) =>
        {
            seen = message;
            await message.CompleteAsync(cancellationToken);
        }, new ProcessorOptions());

        await _processor!.DeliverAsync(Fakes.Received("event-7", session: "child-key-7", body: "envelope-7", deliveryCount: 3), _receiver.Object);

        Assert.NotNull(seen);
        Assert.Equal(new TransportMessage("event-7", "cse-flags", "child-key-7", "mash.events.v1.CseFlagRaised", "police-node-1", default), seen.Message with { Body = default });
        Assert.Equal("envelope-7", Encoding.UTF8.GetString(seen.Message.Body.Span));
        Assert.Equal(3, seen.DeliveryCount);
    }

    [Fact]
    public async Task Complete_completes_the_message()
    {
        var received = Fakes.Received("event-1");

        await DeliverAsync(received, (message, cancellationToken) => message.CompleteAsync(cancellationToken));

        Assert.Same(received, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.CompleteMessageAsync))[0]);
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync)));
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.DeadLetterMessageAsync)));
    }

    [Fact]
    public async Task Abandon_abandons_the_message_once()
    {
        var received = Fakes.Received("event-1");

        await DeliverAsync(received, (message, cancellationToken) => message.AbandonAsync(cancellationToken));

        Assert.Same(received, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync))[0]);
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.CompleteMessageAsync)));
    }

    [Fact]
    public async Task Dead_letter_passes_the_reason_and_description()
    {
        var received = Fakes.Received("event-1");

        await DeliverAsync(received, (message, cancellationToken) => message.DeadLetterAsync("SchemaInvalid", "field 3 missing", cancellationToken));

        var arguments = Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.DeadLetterMessageAsync));
        Assert.Same(received, arguments[0]);
        Assert.Contains("SchemaInvalid", arguments);
        Assert.Contains("field 3 missing", arguments);
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync)));
    }

    [Fact]
    public async Task A_handler_that_throws_without_settling_has_its_message_abandoned()
    {
        var received = Fakes.Received("event-1");

        await DeliverAsync(received, (_, _) => throw new InvalidOperationException("handler bug"));

        Assert.Same(received, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync))[0]);
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.CompleteMessageAsync)));
    }

    [Fact]
    public async Task A_handler_that_returns_without_settling_has_its_message_abandoned()
    {
        var received = Fakes.Received("event-1");

        await DeliverAsync(received, (_, _) => Task.CompletedTask);

        Assert.Same(received, Fakes.SingleCall(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync))[0]);
    }

    [Fact]
    public async Task A_handler_that_throws_after_settling_is_not_abandoned()
    {
        await DeliverAsync(Fakes.Received("event-1"), async (message, cancellationToken) =>
        {
            await message.CompleteAsync(cancellationToken);
            throw new InvalidOperationException("after the fact");
        });

        Assert.Equal(1, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.CompleteMessageAsync)));
        Assert.Equal(0, Fakes.Calls(_receiver, nameof(ServiceBusReceiver.AbandonMessageAsync)));
    }

    [Fact]
    public async Task A_processor_error_is_absorbed()
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        await using var processor = transport.CreateProcessor(Subscription, (_, _) => Task.CompletedTask, new ProcessorOptions());

        await _processor!.RaiseErrorAsync(new ServiceBusException("session child-key-1 lost", ServiceBusFailureReason.SessionLockLost));
    }

    public async ValueTask DisposeAsync() => await _offline.DisposeAsync();

    private async Task DeliverAsync(ServiceBusReceivedMessage received, MessageHandler handler)
    {
        await using var transport = new ServiceBusTransport(_client.Object);
        await using var processor = transport.CreateProcessor(Subscription, handler, new ProcessorOptions());
        await _processor!.DeliverAsync(received, _receiver.Object);
    }
}
