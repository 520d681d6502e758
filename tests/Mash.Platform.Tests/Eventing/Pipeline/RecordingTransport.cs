using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Tests.Eventing.Pipeline;

/// <summary>
/// The broker boundary for the outbox and consumer tests: records what is sent, can be made to
/// fail like a broker that is down. (The real transports have tests of their own.)
/// </summary>
internal sealed class RecordingTransport : IMessageTransport
{
    private readonly List<TransportMessage> _sent = [];

    public bool Down { get; set; }
    public int SendAttempts { get; private set; }

    public IReadOnlyList<TransportMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            SendAttempts++;
            if (Down)
            {
                throw new InvalidOperationException("broker unreachable");
            }

            _sent.AddRange(messages);
        }

        return Task.CompletedTask;
    }

    public IMessageProcessor CreateProcessor(Subscription subscription, MessageHandler handler, ProcessorOptions options) =>
        throw new NotSupportedException();

    public IDeadLetterQueue DeadLetters(Subscription subscription) => throw new NotSupportedException();
}

/// <summary>A delivered message whose settlement the test reads.</summary>
internal sealed class RecordedDelivery : ReceivedMessage
{
    public string Settlement { get; private set; } = "unsettled";
    public string DeadLetterReason { get; private set; } = "";

    public override Task CompleteAsync(CancellationToken cancellationToken) => Settle("completed");
    public override Task AbandonAsync(CancellationToken cancellationToken) => Settle("abandoned");

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
    {
        DeadLetterReason = reason;
        return Settle("dead-lettered");
    }

    private Task Settle(string how)
    {
        Assert.Equal("unsettled", Settlement);
        Settlement = how;
        return Task.CompletedTask;
    }
}
