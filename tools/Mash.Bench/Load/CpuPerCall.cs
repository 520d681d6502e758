using Mash.Bench.Hosting;

namespace Mash.Bench.Load;

/// <summary>
/// What a call costs the node in CPU time: the user and system time all of the node's processes used while a
/// closed loop ran (no warm-up: the node is already warm), divided by the calls answered. It moves much less than a
/// rate when the machine's host is busy with other work (reads: 621-702 µs over six runs whose rates differed by a
/// third), so a change's effect shows between runs.
/// </summary>
public static class CpuPerCall
{
    private const double MicrosecondsPerTick = 10_000;

    /// <param name="untilSettled">
    /// When given, awaited before the loop and after it, with the time after counted: what the calls caused (events
    /// applied behind them) is counted with them, and nothing a phase before left behind is.
    /// </param>
    public static async Task<double> MeasureAsync(
        IReadOnlyCollection<int> nodeProcesses, int concurrency, TimeSpan duration, Func<CancellationToken, Task> call, Func<Task>? untilSettled = null)
    {
        if (untilSettled is not null)
        {
            await untilSettled();
        }

        var before = nodeProcesses.Sum(ProcessStats.CpuTicks);
        var measured = await ClosedLoop.RunAsync(concurrency, new Phases(TimeSpan.Zero, duration), call);
        if (untilSettled is not null)
        {
            await untilSettled();
        }

        var used = nodeProcesses.Sum(ProcessStats.CpuTicks) - before;
        return measured.Statuses.Ok > 0 ? Math.Round(used * MicrosecondsPerTick / measured.Statuses.Ok, 1) : 0;
    }
}
