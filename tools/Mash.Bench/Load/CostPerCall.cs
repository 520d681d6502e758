using Mash.Bench.Hosting;

namespace Mash.Bench.Load;

/// <summary>What a call cost the node: CPU time, and bytes its processes caused to be written to disk (null where not known).</summary>
public sealed record CallCost(double CpuMicroseconds, double? KilobytesWritten);

/// <summary>
/// What a call costs the node: the user and system time all of the node's processes used while a closed loop ran (no
/// warm-up: the node is already warm), and the bytes they wrote to disk (WAL frames, checkpoints), each divided by the
/// calls answered. CPU moves much less than a rate when the machine's host is busy with other work (reads: 621-702 µs
/// over six runs whose rates differed by a third), so a change's effect shows between runs; the bytes are what a
/// durable submit waits on once the disk, not the CPU, is the limit.
/// </summary>
public static class CostPerCall
{
    private const double MicrosecondsPerTick = 10_000;

    /// <param name="untilSettled">
    /// When given, awaited before the loop and after it, with the time after counted: what the calls caused (events
    /// applied behind them, pages checkpointed) is counted with them, and nothing a phase before left behind is.
    /// </param>
    public static async Task<CallCost> MeasureAsync(
        IReadOnlyCollection<int> nodeProcesses, int concurrency, TimeSpan duration, Func<CancellationToken, Task> call, Func<Task>? untilSettled = null)
    {
        if (untilSettled is not null)
        {
            await untilSettled();
        }

        var cpuBefore = nodeProcesses.Sum(ProcessStats.CpuTicks);
        var writtenBefore = Written(nodeProcesses);
        var measured = await ClosedLoop.RunAsync(concurrency, new Phases(TimeSpan.Zero, duration), call);
        if (untilSettled is not null)
        {
            await untilSettled();
        }

        var cpu = nodeProcesses.Sum(ProcessStats.CpuTicks) - cpuBefore;
        var written = Written(nodeProcesses) - writtenBefore;
        var calls = measured.Statuses.Ok;
        return calls == 0
            ? new CallCost(0, null)
            : new CallCost(Math.Round(cpu * MicrosecondsPerTick / calls, 1), written is { } bytes ? Math.Round(bytes / 1024.0 / calls, 1) : null);
    }

    /// <summary>All of the processes' bytes written so far, or null when any one's is not known.</summary>
    private static long? Written(IEnumerable<int> processes)
    {
        long total = 0;
        foreach (var pid in processes)
        {
            if (ProcessStats.WrittenBytes(pid) is not { } bytes)
            {
                return null;
            }

            total += bytes;
        }

        return total;
    }
}
