using System.Diagnostics;

namespace Mash.Bench.Load;

/// <summary>
/// Latency at a fixed arrival rate: calls start on a schedule whether or not earlier ones have
/// answered, and each latency counts from its scheduled start, so a stall is not hidden by the
/// calls it delayed (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    public static async Task<Measured> RunAsync(double perSecond, Phases phases, Func<CancellationToken, Task> call)
    {
        var measured = new Measured();
        var interval = Stopwatch.Frequency / perSecond;
        var begin = Stopwatch.GetTimestamp();
        var warmUpCalls = (long)(phases.WarmUp.TotalSeconds * perSecond);
        var totalCalls = warmUpCalls + (long)(phases.Measure.TotalSeconds * perSecond);
        using var stop = new CancellationTokenSource(phases.WarmUp + phases.Measure + TimeSpan.FromSeconds(30));
        var inFlight = new List<Task>();
        for (long i = 0; i < totalCalls; i++)
        {
            var scheduled = begin + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                // The timer's millisecond resolution starts a call up to a millisecond or two late, and its latency
                // counts that lateness (it counts from the scheduled time). Spinning out the last millisecond was
                // exact, but the spinning took CPU from the node under test, on the same two cores: see
                // docs/benchmarks.md, "The steady 200/s phase: where its tail comes from".
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
            }

            var record = i >= warmUpCalls;
            inFlight.Add(Task.Run(() => measured.CallAsync(call, scheduled, record, stop.Token)));
        }

        await Task.WhenAll(inFlight);
        // From the first counted call's scheduled start to the last answer: below the offered rate when the node falls behind.
        measured.Elapsed = Stopwatch.GetElapsedTime(begin + (long)(warmUpCalls * interval));
        return measured;
    }
}
