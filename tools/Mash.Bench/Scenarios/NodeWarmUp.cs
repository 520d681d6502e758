using Mash.Bench.Load;
using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// Calls a freshly started node for a while before anything is measured. A .NET process first
/// runs its code unoptimised and recompiles what is hot in the background; on two cores shared by
/// five processes that takes tens of seconds, and a measurement taken meanwhile showed the JIT
/// compiler's threads using 40 % of the machine. Figures are therefore of a warmed node, as a
/// node is after its first minute in service; start-to-ready is reported separately.
/// </summary>
public static class NodeWarmUp
{
    private const int Callers = 16;

    public static TimeSpan Duration(BenchContext context) => context.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(40);

    /// <summary>Submits referrals and reads each back (gateway, referral service, and the assessment service through its events).</summary>
    public static async Task RunAsync(BenchContext context, NodeClient node)
    {
        var duration = Duration(context);
        context.Log.WriteLine($"warm-up: {node.Node.Options.NodeId}, {duration.TotalSeconds:0} s of submits and reads, not counted...");
        var headers = await node.AsAsync("police-mash");
        var referrals = node.Referrals();
        await ClosedLoop.RunAsync(Callers, new Phases(duration, TimeSpan.Zero), async ct =>
        {
            var stored = await referrals.SubmitReferralAsync(BenchContext.NewReferral(), BenchContext.Call(headers, ct));
            await referrals.GetReferralAsync(new GetReferralRequest { ReferralId = stored.Referral.ReferralId }, BenchContext.Call(headers, ct));
        });
    }
}
