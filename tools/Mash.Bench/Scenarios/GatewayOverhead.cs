using Grpc.Net.Client;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// `GetReferral` and `SubmitReferral` straight to the referral service and through the gateway,
/// on the same node in the same run. Direct and gateway phases alternate (direct, gateway,
/// gateway, direct) so a change in the machine's other load falls on both alike.
/// </summary>
public static class GatewayOverhead
{
    public const string Name = "gateway";
    private const int Concurrency = 16;

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

        var directReads = await CompareAsync(context, "GetReferral", ct => Read(directClient, ct), ct => Read(gatewayClient, ct), "≥ 0.8", 0.8);
        await AddCpuPerCallAsync(context, node, "GetReferral", ct => Read(directClient, ct), ct => Read(gatewayClient, ct));
        if (context.Bare is { ReadsPerSecond: > 0 } bare)
        {
            // An audited read should cost a few times a bare call, not twelve.
            var ratio = Math.Round(directReads / bare.ReadsPerSecond, 3);
            context.Add(new Figure { Scenario = Name, Name = "GetReferral direct/bare gRPC", Value = ratio, Unit = "x", Target = "≥ 0.2", Met = ratio >= 0.2 });
        }

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

    /// <summary>Measures both ways and adds their figures; the direct rate.</summary>
    private static async Task<double> CompareAsync(BenchContext context, string rpc, Func<CancellationToken, Task> direct, Func<CancellationToken, Task> gateway,
        string target, double minimumRatio)
    {
        context.Log.WriteLine($"{Name}: {rpc}, {Concurrency} callers, direct and through the gateway...");
        var half = context.Phases with { Measure = context.Phases.Measure / 2 };
        var directMeasured = await ClosedLoop.RunAsync(Concurrency, half, direct);
        var gatewayMeasured = await ClosedLoop.RunAsync(Concurrency, half, gateway);
        await ClosedLoop.RunAsync(Concurrency, half with { WarmUp = TimeSpan.FromSeconds(1) }, gateway, gatewayMeasured);
        await ClosedLoop.RunAsync(Concurrency, half with { WarmUp = TimeSpan.FromSeconds(1) }, direct, directMeasured);

        context.Add(Figure.Of(Name, $"{rpc} direct", directMeasured));
        context.Add(Figure.Of(Name, $"{rpc} via gateway", gatewayMeasured));
        var ratio = directMeasured.PerSecond > 0 ? Math.Round(gatewayMeasured.PerSecond / directMeasured.PerSecond, 2) : 0;
        context.Add(new Figure
        {
            Scenario = Name, Name = $"{rpc} gateway/direct throughput", Value = ratio, Unit = "x", Target = target, Met = ratio >= minimumRatio,
        });
        return directMeasured.PerSecond;
    }
}
