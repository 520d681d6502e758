using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Bench.Scenarios;

namespace Mash.Bench.Baseline;

/// <summary>What the same client gets from a bare gRPC service on this machine: reads and submits.</summary>
public sealed record BareRates(double ReadsPerSecond, double SubmitsPerSecond);

/// <summary>
/// The bare service measured as the node is: the same client, 16 callers and 32, the same requests;
/// every rate figure of the run is then also given as a fraction of it (what the node costs above gRPC).
/// The service stays up for the run (<see cref="BenchContext.BareService"/>): a scenario whose target is a
/// ratio to it measures it again, in turns with the node.
/// </summary>
public static class BareGrpcBaseline
{
    public const string Name = "bare";

    public static async Task<BareRates> RunAsync(BenchContext context)
    {
        var bare = await BareService.StartAsync();
        context.BareService = bare;
        context.Log.WriteLine($"{Name}: a constant reply, 16 callers (GetReferral) and 32 (SubmitReferral)...");
        var reads = await ClosedLoop.RunAsync(16, context.Phases, bare.ReadAsync);
        var submits = await ClosedLoop.RunAsync(32, context.Phases, bare.SubmitAsync);
        context.Add(Figure.Of(Name, "GetReferral bare gRPC (16 callers)", reads));
        context.Add(Figure.Of(Name, "SubmitReferral bare gRPC (32 callers)", submits));
        return new BareRates(reads.PerSecond, submits.PerSecond);
    }
}
