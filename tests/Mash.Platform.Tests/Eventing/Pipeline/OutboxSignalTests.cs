using Mash.Platform.Eventing.Outbox;

namespace Mash.Platform.Tests.Eventing.Pipeline;

/// <summary>The relay's wake-up: every commit wakes it, many commits before it wakes wake it once, and none are lost.</summary>
public sealed class OutboxSignalTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Commits_before_a_wake_up_wake_the_relay_once_and_a_commit_after_it_wakes_it_again()
    {
        using var signal = new OutboxSignal();
        for (var i = 0; i < 100; i++)
        {
            signal.Notify();
        }

        Assert.True(await signal.WaitAsync(Poll, CancellationToken.None));
        Assert.False(await signal.WaitAsync(Poll, CancellationToken.None));

        signal.Notify();
        Assert.True(await signal.WaitAsync(Poll, CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_while_the_relay_waits_wakes_it()
    {
        using var signal = new OutboxSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(50);
        signal.Notify();
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Commits_from_many_threads_while_the_relay_wakes_and_waits_always_leave_a_wake_up_for_the_last()
    {
        using var signal = new OutboxSignal();
        using var stop = new CancellationTokenSource();
        var committers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                signal.Notify();
                await Task.Yield();
            }
        })).ToArray();
        var wakes = 0;
        // At least half a second of racing, and on to a second wake-up when a loaded machine starved the committers
        // in that time (one run of the whole suite on two cores saw a single wake-up in 500 ms).
        var until = DateTime.UtcNow.AddMilliseconds(500);
        var latest = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until || (wakes < 2 && DateTime.UtcNow < latest))
        {
            if (await signal.WaitAsync(Poll, CancellationToken.None))
            {
                wakes++;
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(committers);
        signal.Notify();
        // Whatever the interleaving, the last commit's wake-up is there (at most one more left from the race).
        Assert.True(await signal.WaitAsync(Poll, CancellationToken.None));
        Assert.True(wakes > 1);
    }
}
