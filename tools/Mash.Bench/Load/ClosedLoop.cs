using System.Diagnostics;

namespace Mash.Bench.Load;

/// <summary>
/// Throughput: a fixed number of callers, each sending its next call as soon as the last one
/// answers. Calls started during the warm-up are not counted.
/// </summary>
public static class ClosedLoop
{
    public static async Task<Measured> RunAsync(int concurrency, Phases phases, Func<CancellationToken, Task> call, Measured? into = null)
    {
        var measured = into ?? new Measured();
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(phases.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(phases.Measure.TotalSeconds * Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(phases.WarmUp + phases.Measure + TimeSpan.FromSeconds(30));
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= end)
                {
                    return;
                }

                await measured.CallAsync(call, started, record: started >= measureFrom, stop.Token);
            }
        }));
        await Task.WhenAll(callers);
        // Added to earlier rounds measured into the same figure. Throughput over the measured window: calls started in it and the time they took to finish.
        measured.Elapsed += Stopwatch.GetElapsedTime(measureFrom);
        return measured;
    }
}
