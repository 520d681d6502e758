namespace Mash.Bench.Load;

/// <summary>One of the ways a comparison calls: its name and the call.</summary>
public sealed record Way(string Name, Func<CancellationToken, Task> Call);

/// <summary>
/// Several ways of making a call measured in turns, in short slices, forward then backward (A B C, C B A, A B C, ...):
/// the rate of the machine's host moves by a third within minutes here, and a way measured a minute after another would
/// carry that drift into their ratio. Interleaved so, each way sees the same minutes, a linear drift falls on all alike
/// within every pair of rounds, and a burst on the host falls on one short slice of one way, not on a whole phase.
/// </summary>
public static class Alternated
{
    /// <summary>The order of the slices: the indices of <paramref name="ways"/> ways, <paramref name="rounds"/> times, every other round reversed.</summary>
    public static IReadOnlyList<int> Order(int ways, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ways, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var order = new List<int>(ways * rounds);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < ways; i++)
            {
                order.Add(round % 2 == 0 ? i : ways - 1 - i);
            }
        }

        return order;
    }

    /// <summary>
    /// Measures each way over <paramref name="rounds"/> slices of <paramref name="phases"/>' measure divided among them;
    /// a way's first slice warms up for the phases' warm-up, each later one for <paramref name="settle"/>. One
    /// <see cref="Measured"/> a way, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<Measured>> RunAsync(int concurrency, Phases phases, int rounds, TimeSpan settle, params Way[] ways)
    {
        var measured = ways.Select(_ => new Measured()).ToArray();
        var warmed = new bool[ways.Length];
        var slice = phases.Measure / rounds;
        foreach (var i in Order(ways.Length, rounds))
        {
            var warmUp = warmed[i] ? settle : phases.WarmUp;
            warmed[i] = true;
            await ClosedLoop.RunAsync(concurrency, new Phases(warmUp, slice), ways[i].Call, measured[i]);
        }

        return measured;
    }
}
