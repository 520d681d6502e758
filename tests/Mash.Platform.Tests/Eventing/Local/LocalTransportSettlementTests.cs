using System.Diagnostics;
using Mash.Platform.Eventing.Local;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Tests.Support;
using static Mash.Platform.Tests.Eventing.Local.LocalTransportKit;

namespace Mash.Platform.Tests.Eventing.Local;

public sealed class LocalTransportSettlementTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact(Timeout = 15_000)]
    public async Task An_abandoned_message_is_redelivered_with_its_delivery_counted()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        await transport.SendAsync([Message("event-1")], CancellationToken.None);

        var seen = new Deliveries();
        Exception? secondSettle = null;
        await using var processor = transport.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            seen.Record(message);
            if (message.DeliveryCount == 1)
            {
                await message.AbandonAsync(cancellationToken);
                return;
            }

            await message.CompleteAsync(cancellationToken);
            secondSettle = await Record.ExceptionAsync(() => message.CompleteAsync(cancellationToken));
        }, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);

        await WaitUntil(() => seen.Count == 2 && secondSettle is not null, "the redelivery");
        await Task.Delay(200);
        Assert.Equal([1, 2], seen.All.Select(d => d.DeliveryCount));
        Assert.IsType<InvalidOperationException>(secondSettle);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_message_whose_handler_keeps_failing_is_dead_lettered_and_its_session_moves_on()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        await transport.SendAsync([Message("poison"), Message("next")], CancellationToken.None);

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            seen.Record(message);
            if (message.Message.MessageId == "poison")
            {
                throw new InvalidOperationException("cannot handle this one");
            }

            await message.CompleteAsync(cancellationToken);
        }, new ProcessorOptions { MaxDeliveryCount = 3 });
        await processor.StartAsync(CancellationToken.None);

        await WaitUntil(() => seen.Ids().Contains("next"), "the session's next message");
        Assert.Equal(["poison", "poison", "poison", "next"], seen.Ids());
        Assert.Equal([1, 2, 3, 1], seen.All.Select(d => d.DeliveryCount));
        var letter = Assert.Single(await transport.DeadLetters(Subscription()).ListAsync(10, CancellationToken.None));
        Assert.Equal("poison", letter.Message.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", letter.Reason);
        Assert.Equal(3, letter.DeliveryCount);
    }

    [Fact(Timeout = 15_000)]
    public async Task A_dead_letter_is_listed_and_replayed_as_a_fresh_delivery()
    {
        await using var transport = Open(_temp.File("broker.db"));
        var subscription = Subscription();
        await transport.EnsureSubscriptionAsync(subscription);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await transport.SendAsync([Message("event-1"), Message("event-2", session: "child-2")], CancellationToken.None);

        var seen = new Deliveries();
        var settled = 0;
        var refuse = true;
        await using var processor = transport.CreateProcessor(subscription, async (message, cancellationToken) =>
        {
            seen.Record(message);
            if (refuse && message.Message.MessageId == "event-1")
            {
                await message.DeadLetterAsync("Unreadable", "the envelope did not parse", cancellationToken);
            }
            else
            {
                await message.CompleteAsync(cancellationToken);
            }

            Interlocked.Increment(ref settled);
        }, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => Volatile.Read(ref settled) == 2, "both deliveries settled");

        var letter = Assert.Single(await transport.DeadLetters(subscription).ListAsync(10, CancellationToken.None));
        Assert.Equal(("event-1", "child-1", "Unreadable", "the envelope did not parse", 1),
            (letter.Message.MessageId, letter.Message.SessionId, letter.Reason, letter.Description, letter.DeliveryCount));
        Assert.Equal(Message("event-1").Body.ToArray(), letter.Message.Body.ToArray());
        Assert.InRange(letter.DeadLetteredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));

        refuse = false;
        Assert.True(await transport.DeadLetters(subscription).ReplayAsync("event-1", CancellationToken.None));
        await WaitUntil(() => Volatile.Read(ref settled) == 3, "the replayed delivery");
        Assert.Equal(("event-1", 1), (seen.All[2].Message.MessageId, seen.All[2].DeliveryCount));
        Assert.Empty(await transport.DeadLetters(subscription).ListAsync(10, CancellationToken.None));
        Assert.False(await transport.DeadLetters(subscription).ReplayAsync("event-1", CancellationToken.None));
        Assert.False(await transport.DeadLetters(subscription).ReplayAsync("no-such-event", CancellationToken.None));
    }

    [Fact(Timeout = 15_000)]
    public async Task An_expired_lock_lets_another_consumer_take_the_message_and_the_late_settle_fails()
    {
        var file = _temp.File("broker.db");
        await using var crashed = Open(file);
        await using var healthy = Open(file);
        await crashed.EnsureSubscriptionAsync(Subscription());
        await crashed.SendAsync([Message("event-1")], CancellationToken.None);

        var stuck = new Deliveries();
        var takenOver = new TaskCompletionSource();
        Exception? lateSettle = null;
        var hung = crashed.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            stuck.Record(message);
            await takenOver.Task.WaitAsync(TimeSpan.FromSeconds(8), cancellationToken);
            lateSettle = await Record.ExceptionAsync(() => message.CompleteAsync(CancellationToken.None));
        }, new ProcessorOptions { LockDuration = TimeSpan.FromMilliseconds(300), MaxConcurrentSessions = 1 });
        await hung.StartAsync(CancellationToken.None);
        await WaitUntil(() => stuck.Count == 1, "the first delivery");

        var seen = new Deliveries();
        await using var processor = healthy.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            seen.Record(message);
            await message.CompleteAsync(cancellationToken);
            takenOver.TrySetResult();
        }, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1 && lateSettle is not null, "the redelivery after the lock expired");

        Assert.Equal(2, seen.All[0].DeliveryCount);
        Assert.True(Stopwatch.GetElapsedTime(stuck.All[0].Timestamp, seen.All[0].Timestamp) >= TimeSpan.FromMilliseconds(250));
        Assert.IsType<MessageLockLostException>(lateSettle);
        await StopQuickly(hung);
        await Task.Delay(200);
        Assert.Equal(1, stuck.Count);
        Assert.Equal(1, seen.Count);
        Assert.Empty(await healthy.DeadLetters(Subscription()).ListAsync(10, CancellationToken.None));
    }

    [Fact(Timeout = 15_000)]
    public async Task Stopping_releases_messages_still_being_handled_for_prompt_redelivery()
    {
        await using var transport = Open(_temp.File("broker.db"));
        await transport.EnsureSubscriptionAsync(Subscription());
        await transport.SendAsync([Message("event-1")], CancellationToken.None);

        var stuck = new Deliveries();
        var cancelled = false;
        var hung = transport.CreateProcessor(Subscription(), async (message, cancellationToken) =>
        {
            stuck.Record(message);
            cancelled = await Record.ExceptionAsync(() => Task.Delay(Timeout.Infinite, cancellationToken)) is OperationCanceledException;
        }, new ProcessorOptions()); // 30 s lock: redelivery must not wait for it.
        await hung.StartAsync(CancellationToken.None);
        await WaitUntil(() => stuck.Count == 1, "the first delivery");
        using (var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await hung.StopAsync(grace.Token);
        }

        var seen = new Deliveries();
        await using var processor = transport.CreateProcessor(Subscription(), seen.Completing, new ProcessorOptions());
        await processor.StartAsync(CancellationToken.None);
        await WaitUntil(() => seen.Count == 1, "the redelivery", TimeSpan.FromSeconds(5));
        Assert.Equal(2, seen.All[0].DeliveryCount);
        await WaitUntil(() => cancelled, "the stuck handler's cancellation");
        await hung.DisposeAsync();
    }
}
