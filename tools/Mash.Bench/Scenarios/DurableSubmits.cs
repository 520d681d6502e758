using Mash.Bench.Hosting;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// `SubmitReferral` through the gateway, each answered only once the referral, its audit entry
/// and its outbox event are committed: as many as the node takes (closed loop), and the latency
/// at a steady 200 per second (open loop).
/// </summary>
public static class DurableSubmits
{
    public const string Name = "durable";
    private const int Concurrency = 32;
    private const double SteadyRate = 200;

    /// <param name="serverNote">For PostgreSQL, the server's durability settings as it reports them: the figures hold only for those.</param>
    public static async Task RunAsync(BenchContext context, NodeClient node, string database, string? serverNote = null)
    {
        var headers = await node.AsAsync("police-mash");
        var client = node.Referrals();
        async Task Submit(CancellationToken ct) => await client.SubmitReferralAsync(BenchContext.NewReferral(), BenchContext.Call(headers, ct));
        var sqlite = database == "SQLite";

        // Each phase starts on a quiet node: the assessment service applies every referral's event, and
        // a backlog left by the phase before would be measured as this phase's latency.
        await WaitUntilQuietAsync(node);
        context.Log.WriteLine($"{Name}: SubmitReferral on {database} at {SteadyRate}/s...");
        var steady = await OpenLoop.RunAsync(SteadyRate, context.Phases, Submit);
        var p99 = steady.Latency.Percentile(99).TotalMilliseconds;
        var p99Limit = sqlite ? 25 : 40;
        context.Add(Figure.Of(Name, $"submit at {SteadyRate}/s {database}", steady, serverNote) with
        {
            Target = $"p99 < {p99Limit} ms",
            Met = p99 < p99Limit && steady.Statuses.Failed == 0,
        });

        await WaitUntilQuietAsync(node);
        context.Log.WriteLine($"{Name}: SubmitReferral on {database}, {Concurrency} callers...");
        var throughput = await ClosedLoop.RunAsync(Concurrency, context.Phases, Submit);
        var minimum = sqlite ? 1500 : 1200;
        context.Add(Figure.Of(Name, $"submits/s {database} ({Concurrency} callers)", throughput, serverNote) with
        {
            Target = $"≥ {minimum}/s",
            Met = throughput.PerSecond >= minimum,
        });

        // What a submit costs the node's processes, the assessment service's applying of its event included (the
        // database server's own excluded): it moves less than the rate when the host is busy, so a change shows
        // between two runs.
        var processes = node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id).ToList();
        var duration = context.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);
        var cost = await CostPerCall.MeasureAsync(processes, Concurrency, duration, Submit, () => WaitUntilQuietAsync(node));
        context.Add(new Figure { Scenario = Name, Name = $"submit {database}: node CPU per call", Value = cost.CpuMicroseconds, Unit = "µs" });
        if (cost.KilobytesWritten is { } written)
        {
            // Past about 140 MB/s of writes this machine's durable phase waits on its disk, not its cores.
            context.Add(new Figure { Scenario = Name, Name = $"submit {database}: node KB written to disk per call", Value = written, Unit = "KB" });
        }
    }

    private static Task WaitUntilQuietAsync(NodeClient node) =>
        ProcessStats.WaitUntilQuietAsync(node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id), TimeSpan.FromMinutes(2));
}
