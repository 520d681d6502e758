using System.Diagnostics;
using Mash.Bench.Hosting;
using Mash.Bench.Output;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// The embedded default as `Mash.Node` starts it: a police node and a social care node, each node's gateway and
/// services in one host process, both starting at once. How long until both answer, and how much memory each node
/// holds after the warm-up's load, in all and per application it hosts.
/// </summary>
public static class DefaultFootprint
{
    public const string Name = "footprint";

    public static async Task RunAsync(BenchContext context)
    {
        context.Log.WriteLine($"{Name}: the two-node default, one process per node...");
        var (police, socialCare) = await StartMeasuredAsync(context, "",
            "from starting both host processes to every gateway and service of both nodes answering its health check (built beforehand)");

        await NodeWarmUp.RunAsync(context, police);
        await NodeWarmUp.RunAsync(context, socialCare);
        var applications = ServiceSpec.All.Count + 1;
        double total = 0;
        foreach (var node in new[] { police, socialCare })
        {
            var process = node.Node.Processes.Single();
            var rss = ProcessStats.ResidentMegabytes(process.Id) ?? 0;
            total += rss;
            var perApplication = Math.Round(rss / applications, 1);
            context.Add(new Figure
            {
                Scenario = Name, Name = $"rss {node.Node.Options.NodeId} per application", Value = perApplication, Unit = "MB",
                Target = "< 150 MB", Met = perApplication < 150,
                Note = $"the node's one process: {rss} MB RSS for its gateway and {ServiceSpec.All.Count} services, after the warm-up's load",
            });
        }

        context.Add(new Figure { Scenario = Name, Name = "rss two-node default", Value = Math.Round(total, 1), Unit = "MB" });
        await context.Nodes.StopAsync(police);
        await context.Nodes.StopAsync(socialCare);
        await RestartAsync(context);
    }

    /// <summary>The usual start: both nodes again, on the databases the first start created and migrated.</summary>
    private static async Task RestartAsync(BenchContext context)
    {
        var (police, socialCare) = await StartMeasuredAsync(context, ", restart",
            "the same, started again on the data of the first start: every database already migrated");
        await context.Nodes.StopAsync(police);
        await context.Nodes.StopAsync(socialCare);
    }

    /// <summary>Starts both nodes and adds how long they took to be ready and the CPU they spent getting there.</summary>
    private static async Task<(NodeClient Police, NodeClient SocialCare)> StartMeasuredAsync(BenchContext context, string suffix, string note)
    {
        var started = Stopwatch.StartNew();
        var (police, socialCare) = await context.Nodes.StartPoliceAndSocialCareInOneProcessAsync();
        var ready = started.Elapsed;
        context.Add(new Figure
        {
            Scenario = Name, Name = $"two-node default ready{suffix}", Value = Math.Round(ready.TotalSeconds, 2), Unit = "s",
            Target = "< 5 s", Met = ready < TimeSpan.FromSeconds(5), Note = note,
        });
        // The wall time above moves with whatever else the host runs; the CPU each node spent getting there is steadier.
        var startCpu = new[] { police, socialCare }.Sum(node => ProcessStats.CpuTicks(node.Node.Processes.Single().Id)) / 100.0;
        context.Add(new Figure
        {
            Scenario = Name, Name = $"two-node default CPU to ready{suffix}", Value = Math.Round(startCpu, 2), Unit = "CPU-s",
            Note = "user and system CPU of both host processes from start to ready; two cores give at most 2 CPU-s per second",
        });
        return (police, socialCare);
    }
}
