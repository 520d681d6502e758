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
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            // Spin out the last millisecond: Task.Delay alone is too coarse for 5 ms spacing.
            while (Stopwatch.GetTimestamp() < scheduled)
            {
                Thread.SpinWait(20);
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
