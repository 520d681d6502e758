using System.Collections.Concurrent;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

public sealed class LocalTransportSessionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 15_000)]
    public async Task Each_session_is_handled_in_send_order_while_sessions_run_concurrently()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        var expected = new Dictionary<string, List<string>>();
        for (var i = 0; i < 20; i++)
        {
            for (var s = 0; s < 3; s++)
            {
                var id = $"s{s}-{i:D2}";
                (expected.TryGetValue($"child-{s}", out var list) ? list : expected[$"child-{s}"] = []).Add(id);
                await transport.SendAsync([Message(id, session: $"child-{s}")], CancellationToken.None);
            }
        }

        var seen = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var activeSessions = new ConcurrentDictionary<string, byte>();
        var overlapWithinSession = 0;
        var active = 0;
        var maxActive = 0;
        await using var processor = transport.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            if (!activeSessions.TryAdd(message.Message.SessionId, 0))
            {
                Interlocked.Increment(ref overlapWithinSession);
            }

            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref maxActive, now);
            seen.GetOrAdd(message.Message.SessionId, _ => new()).Enqueue(message.Message.MessageId);
            await Task.Delay(Random.Shared.Next(1, 10), cancellationToken);
            Interlocked.Decrement(ref active);
            activeSessions.TryRemove(message.Message.SessionId, out _);
            await message.CompleteAsync(cancellationToken);
        }, new ProcessorOptions { MaxConcurrentSessions = 4 });
        await processor.StartAsync(CancellationToken.None);

        await WaitUntil(() => seen.Values.Sum(q => q.Count) == 60, "all 60 messages");
        foreach (var (session, ids) in expected)
        {
            Assert.Equal(ids, seen[session].ToArray());
        }

        Assert.Equal(0, overlapWithinSession);
        Assert.True(maxActive >= 2, $"sessions never overlapped (max {maxActive} at once)");
    }

    [Fact(Timeout = 20_000)]
    public async Task Two_instances_on_one_file_share_the_work_exactly_once_and_in_order()
    {
        var file = _temp.File("broker.db");
        await using var first = Open(file);
        await using var second = Open(file);
        await first.EnsureSubscriptionAsync(Subscription());

        var delivered = new ConcurrentDictionary<string, int>();
        var perSession = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var byInstance = new int[2];
        MessageHandler Handler(int instance) => async (message, cancellationToken) =>
        {
            delivered.AddOrUpdate(message.Message.MessageId, 1, (_, n) => n + 1);
            perSession.GetOrAdd(message.Message.SessionId, _ => new()).Enqueue(int.Parse(message.Message.MessageId.Split('-')[1]));
            Interlocked.Increment(ref byInstance[instance]);
            await Task.Delay(Random.Shared.Next(0, 3), cancellationToken);
            await message.CompleteAsync(cancellationToken);
        };
        var options = new ProcessorOptions { MaxConcurrentSessions = 4 };
        await using var one = first.CreateProcessor(Subscription(), Handler(0), options);
        await using var two = second.CreateProcessor(Subscription(), Handler(1), options);
        await one.StartAsync(CancellationToken.None);
        await two.StartAsync(CancellationToken.None);

        for (var i = 0; i < 500; i++)
        {
            await first.SendAsync([Message($"m-{i}", session: $"child-{i % 50}")], CancellationToken.None);
        }

        await WaitUntil(() => delivered.Count == 500, "all 500 messages", TimeSpan.FromSeconds(15));
        await Task.Delay(300); // Room for a wrong second delivery to show up.
        Assert.All(delivered, d => Assert.Equal(1, d.Value));
        Assert.Equal(50, perSession.Count);
        Assert.All(perSession.Values, order => Assert.Equal(order.Order(), order));
        Assert.True(byInstance[0] > 0 && byInstance[1] > 0, $"one instance did everything ({byInstance[0]}/{byInstance[1]})");
    }

    [Fact(Timeout = 15_000)]
    public async Task Left_unset_a_processor_handles_32_sessions_at_once_and_no_more()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        for (var i = 0; i < 40; i++)
        {
            await transport.SendAsync([Message($"m-{i}", session: $"child-{i}")], CancellationToken.None);
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var active = 0;
        var maxActive = 0;
        var completed = 0;
        await using var processor = transport.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            InterlockedMax(ref maxActive, Interlocked.Increment(ref active));
            await release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref active);
            await message.CompleteAsync(cancellationToken);
            Interlocked.Increment(ref completed);
        }, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);

        await WaitUntil(() => Volatile.Read(ref active) == LocalProcessor.DefaultMaxConcurrentSessions, "32 sessions in hand");
        await Task.Delay(300); // Room for a 33rd to be handed out wrongly.
        Assert.Equal(32, Volatile.Read(ref maxActive));

        release.SetResult();
        await WaitUntil(() => Volatile.Read(ref completed) == 40, "all 40 messages");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
