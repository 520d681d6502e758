using System.Diagnostics;
using Grpc.Core;
using Mash.Bench.Measurement;

namespace Mash.Bench.Load;

/// <summary>What one measured phase saw: latencies, statuses, how long it ran.</summary>
public sealed class Measured
{
    public LatencyHistogram Latency { get; } = new();
    public StatusCounts Statuses { get; } = new();
    public TimeSpan Elapsed { get; set; }
    public double PerSecond => Elapsed > TimeSpan.Zero ? Statuses.Ok / Elapsed.TotalSeconds : 0;

    /// <summary>Runs one call, recording its status; its latency counts from <paramref name="startedAt"/> (the scheduled time in open loop).</summary>
    public async Task CallAsync(Func<CancellationToken, Task> call, long startedAt, bool record, CancellationToken cancellationToken)
    {
        StatusCode status;
        try
        {
            await call(cancellationToken);
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
        }

        if (record)
        {
            Latency.Record(Stopwatch.GetElapsedTime(startedAt));
            Statuses.Add(status);
        }
    }
}
