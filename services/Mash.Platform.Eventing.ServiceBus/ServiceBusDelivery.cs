using Azure.Messaging.ServiceBus;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Eventing.ServiceBus;

/// <summary>A session message handed to a handler; settlement goes through the processor's args.</summary>
internal sealed class ServiceBusDelivery : ReceivedMessage
{
    private readonly ProcessSessionMessageEventArgs _args;
    private int _settled;

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public ServiceBusDelivery(ProcessSessionMessageEventArgs args, string topic)
    {
        _args = args;
        Message = ServiceBusMessages.ToTransport(args.Message, topic);
        DeliveryCount = args.Message.DeliveryCount;
    }

    public bool IsSettled => Volatile.Read(ref _settled) == 1;

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _args.CompleteMessageAsync(_args.Message, cancellationToken);
        MarkSettled();
    }

    public override async Task AbandonAsync(CancellationToken cancellationToken)
    {
        await _args.AbandonMessageAsync(_args.Message, cancellationToken: cancellationToken);
        MarkSettled();
    }

    public override async Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
    {
        await _args.DeadLetterMessageAsync(_args.Message, reason, description, cancellationToken);
        MarkSettled();
    }

    // Marked only once the broker accepted the settlement: a failed one leaves the message
    // to be abandoned by the processor.
    private void MarkSettled() => Volatile.Write(ref _settled, 1);
}
