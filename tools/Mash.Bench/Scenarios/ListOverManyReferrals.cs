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
/// How the referral service's cost grows with what it has stored: at 10,000, 100,000 and 1,000,000
/// referrals, `ListReferrals` (the screening queue's first page, with its total and backlog) and
/// `SubmitReferral`, the same queue of 1,000 waiting referrals in front of each. The first 1,000 are
/// stored by concurrent `SubmitReferral` calls straight to the referral service (the real write path:
/// audit chain, outbox); for each size the service is stopped, its database filled with decided
/// copies of them (<see cref="ReferralCopies"/>), and started again. The assessment service is
/// stopped first, so it does not spend the cores on the referral events.
/// </summary>
public static class ListOverManyReferrals
{
    public const string Name = "list";
    private const int SeedConcurrency = 32;
    private const int SubmitCallers = 32;
    private static readonly int[] FullSizes = [10_000, 100_000, 1_000_000];
    private static readonly int[] QuickSizes = [2_000, 5_000];

    public static async Task RunAsync(BenchContext context, NodeClient node)
    {
        var sizes = context.Quick ? QuickSizes : FullSizes;
        var headers = await node.AsAsync("police-mash");
        await node.Node.Service(ServiceSpec.Assessment).KillAsync();
        using var direct = GrpcChannel.ForAddress(node.Options.AddressOf(ServiceSpec.Referral));
        var submits = new ReferralService.ReferralServiceClient(direct);
        var stored = (await node.Referrals().ListReferralsAsync(new ListReferralsRequest(), headers)).TotalMatching;

        var backlog = context.Quick ? 500 : 1_000;
        context.Log.WriteLine($"{Name}: submitting {backlog - stored} referrals ({SeedConcurrency} concurrent submits to the service)...");
        var seeded = await SeedAsync(context, submits, headers, stored, backlog);
        context.Add(Figure.Of(Name, "seeding submits/s (direct)", seeded));

        var curve = new List<(int Size, double ListP99, double SubmitsPerSecond)>();
        foreach (var size in sizes)
        {
            curve.Add(await MeasureAtAsync(context, node, submits, headers, size, backlog));
        }

        AddGrowth(context, curve);
    }

    private static async Task<(int, double, double)> MeasureAtAsync(
        BenchContext context, NodeClient node, ReferralService.ReferralServiceClient submits, Grpc.Core.Metadata headers, int size, int backlog)
    {
        var referral = node.Node.Service(ServiceSpec.Referral);
        await referral.KillAsync();
        var copied = await ReferralCopies.FillAsync(Path.Combine(node.Options.NodeDataDirectory, "referral.db"), size, backlog);
        context.Log.WriteLine($"{Name}: {copied:N0} referrals stored, {backlog:N0} waiting; starting the referral service again...");
        await node.Node.StartAsync(ServiceSpec.Referral);
        await ProcessStats.WaitUntilQuietAsync(node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id), TimeSpan.FromMinutes(2));

        var list = new ListReferralsRequest { Page = new PageRequest { PageSize = 50 } };
        var total = (await node.Referrals().ListReferralsAsync(list, headers)).TotalMatching;
        context.Log.WriteLine($"{Name}: ListReferrals over {total:N0} referrals...");
        // One user refreshing the queue back to back: the call's own latency. (A fixed 20/s was
        // tried first: once one call takes longer than 50 ms the queue of calls only grows, and
        // every call ran into its 30 s deadline.) The referral service was restarted: it warms up
        // on the calls measured, half as long as a node does.
        var warmUp = TimeSpan.FromTicks(Math.Max(context.Phases.WarmUp.Ticks, NodeWarmUp.Duration(context).Ticks / 2));
        var listed = await ClosedLoop.RunAsync(1, context.Phases with { WarmUp = warmUp }, async ct => await node.Referrals().ListReferralsAsync(list, BenchContext.Call(headers, ct)));
        var p99 = listed.Latency.Percentile(99).TotalMilliseconds;
        context.Add(Figure.Of(Name, $"ListReferrals over {size:N0} (1 caller)", listed, $"first page of 50, with total and backlog, through the gateway; {total:N0} stored, {backlog:N0} waiting") with
        {
            Target = "p99 < 50 ms", Met = total >= size && p99 < 50 && listed.Statuses.Failed == 0,
        });

        // Measured after the list, so the list sees the same queue at every size.
        var half = context.Phases with { Measure = context.Phases.Measure / 2 };
        var submitted = await ClosedLoop.RunAsync(SubmitCallers, half, async ct => await submits.SubmitReferralAsync(BenchContext.NewReferral(), BenchContext.Call(headers, ct)));
        context.Add(Figure.Of(Name, $"SubmitReferral with {size:N0} stored ({SubmitCallers} callers, direct)", submitted));
        return (size, p99, submitted.PerSecond);
    }

    /// <summary>
    /// The curve in two numbers: from the smallest store to the largest (100 times more), how much slower the list's
    /// p99 and the submits became. Logarithmic growth is at most 1.5 times (log 1,000,000 / log 10,000); anything
    /// that scans what is stored grows a hundredfold.
    /// </summary>
    private static void AddGrowth(BenchContext context, List<(int Size, double ListP99, double SubmitsPerSecond)> curve)
    {
        var (first, last) = (curve[0], curve[^1]);
        var range = $"{first.Size:N0} to {last.Size:N0} stored";
        var listGrowth = first.ListP99 > 0 ? Math.Round(last.ListP99 / first.ListP99, 2) : 0;
        context.Add(new Figure { Scenario = Name, Name = $"ListReferrals p99 growth, {range}", Value = listGrowth, Unit = "x", Target = "≤ 2", Met = listGrowth is > 0 and <= 2 });
        var submitKept = first.SubmitsPerSecond > 0 ? Math.Round(last.SubmitsPerSecond / first.SubmitsPerSecond, 2) : 0;
        context.Add(new Figure { Scenario = Name, Name = $"SubmitReferral rate kept, {range}", Value = submitKept, Unit = "x", Target = "≥ 0.8", Met = submitKept >= 0.8 });
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
            }
        })));
        seeded.Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(begin);
        return seeded;
    }
}
