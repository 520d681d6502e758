using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Tests.Eventing.Local;

/// <summary>Transports on temp files, messages, and bounded waits for the local transport tests.</summary>
internal static class LocalTransportKit
{
    public const string Topic = "referrals";

    public const string OtherTopic = "cse-flags";

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(8);

    public static LocalFileTransport Open(string file, TimeSpan? idleAfter = null) =>
        new(new LocalTransportOptions { Path = file, IdleAfter = idleAfter ?? TimeSpan.FromSeconds(2) });

    public static TransportMessage Message(string id, string session = "child-1", string topic = Topic) =>
        new(id, topic, session, "mash.events.v1.TestEvent", "node-a", Encoding.UTF8.GetBytes("body of " + id));

    public static Subscription Subscription(string name = "assessment-node-a", string topic = Topic) => new(topic, name);

    public static async Task WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? Deadline))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Stops a processor, giving handlers a moment before their messages are released.</summary>
    public static async Task StopQuickly(IMessageProcessor processor)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await processor.StopAsync(grace.Token);
        await processor.DisposeAsync();
    }
}

/// <summary>What a handler saw, in arrival order.</summary>
internal sealed class Deliveries
{
    private readonly ConcurrentQueue<Delivered> _all = new();

    public IReadOnlyList<Delivered> All => [.. _all];

    public int Count => _all.Count;

    /// <summary>A handler that records and completes.</summary>
    public MessageHandler Completing => async (message, cancellationToken) =>
    {
        Record(message);
        await message.CompleteAsync(cancellationToken);
    };

    public void Record(ReceivedMessage message) =>
        _all.Enqueue(new Delivered(message.Message, message.DeliveryCount, Stopwatch.GetTimestamp()));

    public IReadOnlyList<string> Ids() => [.. _all.Select(d => d.Message.MessageId)];
}

internal sealed record Delivered(TransportMessage Message, int DeliveryCount, long Timestamp);
