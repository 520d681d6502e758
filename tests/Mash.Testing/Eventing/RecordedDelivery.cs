using Mash.Platform.Eventing.Transport;
using Xunit;

namespace Mash.Testing.Eventing;

/// <summary>A delivered message whose settlement the test reads; settling it twice fails the test.</summary>
public sealed class RecordedDelivery : ReceivedMessage
{
    public string Settlement { get; private set; } = "unsettled";
    public string DeadLetterReason { get; private set; } = "";
    public string DeadLetterDescription { get; private set; } = "";

    public override Task CompleteAsync(CancellationToken cancellationToken) => Settle("completed");
    public override Task AbandonAsync(CancellationToken cancellationToken) => Settle("abandoned");

    public override Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
    {
        DeadLetterReason = reason;
        DeadLetterDescription = description;
        return Settle("dead-lettered");
    }

    private Task Settle(string how)
    {
        Assert.Equal("unsettled", Settlement);
        Settlement = how;
        return Task.CompletedTask;
    }
}
