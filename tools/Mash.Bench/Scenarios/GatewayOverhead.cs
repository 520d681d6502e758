using Grpc.Net.Client;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// `GetReferral` and `SubmitReferral` straight to the referral service and through the gateway,
/// on the same node in the same run. Direct and gateway phases (and, for the read, the bare gRPC service) take turns
/// in short slices (<see cref="Alternated"/>) so a change in the machine's other load falls on all alike.
/// </summary>
public static class GatewayOverhead
{
    public const string Name = "gateway";
    private const int Concurrency = 16;
    // Slices a way: enough turns that a burst on the host falls on a small part of each way's time.
    private const int Rounds = 4;

    public static async Task RunAsync(BenchContext context, NodeClient node)
    {
        var headers = await node.AsAsync("police-mash");
        using var direct = GrpcChannel.ForAddress(node.Options.AddressOf(ServiceSpec.Referral));
        var directClient = new ReferralService.ReferralServiceClient(direct);
        var gatewayClient = node.Referrals();
        var stored = await gatewayClient.SubmitReferralAsync(BenchContext.NewReferral(), headers);
        var read = new GetReferralRequest { ReferralId = stored.Referral.ReferralId };

        async Task Read(ReferralService.ReferralServiceClient client, CancellationToken ct) =>
            await client.GetReferralAsync(read, BenchContext.Call(headers, ct));
        async Task Submit(ReferralService.ReferralServiceClient client, CancellationToken ct) =>
            await client.SubmitReferralAsync(BenchContext.NewReferral(), BenchContext.Call(headers, ct));

        // The read's target is a ratio to bare gRPC: the bare service is measured in turns with both ways.
        var bare = context.BareService is { } service ? new Way("bare", service.ReadAsync) : null;
        await CompareAsync(context, "GetReferral", ct => Read(directClient, ct), ct => Read(gatewayClient, ct), "≥ 0.8", 0.8, bare);
        await AddCpuPerCallAsync(context, node, "GetReferral", ct => Read(directClient, ct), ct => Read(gatewayClient, ct));

        await CompareAsync(context, "SubmitReferral", ct => Submit(directClient, ct), ct => Submit(gatewayClient, ct), "≥ 0.85", 0.85);
        await AddCpuPerCallAsync(context, node, "SubmitReferral", ct => Submit(directClient, ct), ct => Submit(gatewayClient, ct));
    }

    /// <summary>The node's CPU time per call, straight to the service and through the gateway (every process of the node counted).</summary>
    private static async Task AddCpuPerCallAsync(BenchContext context, NodeClient node, string rpc, Func<CancellationToken, Task> direct, Func<CancellationToken, Task> gateway)
    {
        var processes = node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id).ToList();
        var duration = context.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);
        foreach (var (way, call) in new[] { ("direct", direct), ("via gateway", gateway) })
        {
            var microseconds = (await CostPerCall.MeasureAsync(processes, Concurrency, duration, call)).CpuMicroseconds;
            context.Add(new Figure { Scenario = Name, Name = $"{rpc} {way}: node CPU per call", Value = microseconds, Unit = "µs" });
        }
    }

    /// <summary>
    /// Measures both ways, and the bare service when given, in turns (<see cref="Alternated"/>), and adds their figures:
    /// with the bare service, the direct and gateway rates' fractions of it and the direct one's target (≥ 0.2) come from
    /// the bare rate of the same minutes, not from the baseline's phase at the start of the run.
    /// </summary>
    private static async Task CompareAsync(BenchContext context, string rpc, Func<CancellationToken, Task> direct, Func<CancellationToken, Task> gateway,
        string target, double minimumRatio, Way? bare = null)
    {
        var ways = new List<Way> { new("direct", direct), new("via gateway", gateway) };
        if (bare is not null)
        {
            ways.Add(bare);
        }

        context.Log.WriteLine($"{Name}: {rpc}, {Concurrency} callers, {string.Join(", ", ways.Select(w => w.Name))}, in turns...");
        var measured = await Alternated.RunAsync(Concurrency, context.Phases, Rounds, TimeSpan.FromSeconds(1), [.. ways]);
        var (directMeasured, gatewayMeasured) = (measured[0], measured[1]);
        double? vsBare(Measured way) => bare is null || measured[2].PerSecond <= 0 ? null : Math.Round(way.PerSecond / measured[2].PerSecond, 3);
        if (bare is not null)
        {
            context.Add(Figure.Of(Baseline.BareGrpcBaseline.Name, $"{rpc} bare gRPC, in turns with the node ({Concurrency} callers)", measured[2]));
        }

        context.Add(Figure.Of(Name, $"{rpc} direct", directMeasured) with { VsBare = vsBare(directMeasured) });
        context.Add(Figure.Of(Name, $"{rpc} via gateway", gatewayMeasured) with { VsBare = vsBare(gatewayMeasured) });
        var ratio = directMeasured.PerSecond > 0 ? Math.Round(gatewayMeasured.PerSecond / directMeasured.PerSecond, 2) : 0;
        context.Add(new Figure
        {
            Scenario = Name, Name = $"{rpc} gateway/direct throughput", Value = ratio, Unit = "x", Target = target, Met = ratio >= minimumRatio,
        });
        if (vsBare(directMeasured) is { } directVsBare)
        {
            // An audited read should cost a few times a bare call, not twelve.
            context.Add(new Figure { Scenario = Name, Name = $"{rpc} direct/bare gRPC", Value = directVsBare, Unit = "x", Target = "≥ 0.2", Met = directVsBare >= 0.2 });
        }
    }
}
