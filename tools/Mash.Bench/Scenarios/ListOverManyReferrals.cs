using Grpc.Net.Client;
using Mash.Bench.Hosting;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// `ListReferrals` (the screening queue's first page, with its total and backlog) once the node
/// holds 100,000 referrals. The first 1,000 are stored by concurrent `SubmitReferral` calls straight
/// to the referral service (the real write path: audit chain, outbox); the service is then stopped
/// and its database filled with copies of them (<see cref="ReferralCopies"/>), and started again.
/// The assessment service is stopped first, so it does not spend the cores on the referral events.
/// </summary>
public static class ListOverManyReferrals
{
    public const string Name = "list";
    private const int SeedConcurrency = 32;

    public static async Task RunAsync(BenchContext context, NodeClient node)
    {
        var target = context.Quick ? 5_000 : 100_000;
        var headers = await node.AsAsync("police-mash");
        await node.Node.Service(ServiceSpec.Assessment).KillAsync();
        using var direct = GrpcChannel.ForAddress(node.Options.AddressOf(ServiceSpec.Referral));
        var seeding = new ReferralService.ReferralServiceClient(direct);
        var stored = (await node.Referrals().ListReferralsAsync(new ListReferralsRequest(), headers)).TotalMatching;

        var submitted = Math.Min(target, context.Quick ? 500 : 1_000);
        context.Log.WriteLine($"{Name}: submitting {submitted - stored} referrals ({SeedConcurrency} concurrent submits to the service)...");
        var seeded = await SeedAsync(context, seeding, headers, stored, submitted);
        context.Add(Figure.Of(Name, "seeding submits/s (direct)", seeded));

        var referral = node.Node.Service(ServiceSpec.Referral);
        await referral.KillAsync();
        var copied = await ReferralCopies.FillAsync(Path.Combine(node.Options.NodeDataDirectory, "referral.db"), target);
        context.Log.WriteLine($"{Name}: {copied:N0} referrals stored; starting the referral service again...");
        await node.Node.StartAsync(ServiceSpec.Referral);

        await ProcessStats.WaitUntilQuietAsync(node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id), TimeSpan.FromMinutes(2));
        var total = (await node.Referrals().ListReferralsAsync(new ListReferralsRequest(), headers)).TotalMatching;
        context.Log.WriteLine($"{Name}: ListReferrals over {total} referrals...");
        var list = new ListReferralsRequest { Page = new PageRequest { PageSize = 50 } };
        // One user refreshing the queue back to back: the call's own latency. (A fixed 20/s was
        // tried first: once one call takes longer than 50 ms the queue of calls only grows, and
        // every call ran into its 30 s deadline.)
        // The referral service was restarted: it warms up on the call measured, as long as a node does.
        var phases = context.Phases with { WarmUp = TimeSpan.FromTicks(Math.Max(context.Phases.WarmUp.Ticks, NodeWarmUp.Duration(context).Ticks)) };
        var measured = await ClosedLoop.RunAsync(1, phases, async ct => await node.Referrals().ListReferralsAsync(list, BenchContext.Call(headers, ct)));
        var p99 = measured.Latency.Percentile(99).TotalMilliseconds;
        context.Add(Figure.Of(Name, $"ListReferrals over {total:N0} (1 caller)", measured, "first page of 50, with total and backlog, through the gateway") with
        {
            Target = "p99 < 50 ms", Met = total >= target && p99 < 50 && measured.Statuses.Failed == 0,
        });
    }

    private static async Task<Measured> SeedAsync(BenchContext context, ReferralService.ReferralServiceClient client, Grpc.Core.Metadata headers, int stored, int target)
    {
        var seeded = new Measured();
        var next = stored;
        var begin = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, SeedConcurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= target)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await seeded.CallAsync(ct => client.SubmitReferralAsync(BenchContext.NewReferral(), BenchContext.Call(headers, ct)).ResponseAsync, started, record: true, CancellationToken.None);
                if (n % 10_000 == 0)
                {
                    context.Log.WriteLine($"  {n:N0} stored");
                }
            }
        })));
        seeded.Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(begin);
        return seeded;
    }
}
