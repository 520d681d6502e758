using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Bench.Hosting;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Figures.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>
/// `GetPartnershipFigures` for a year, through the gateway, once the node holds a large force's year: 200,000
/// referrals, 20,000 CSE flags and 10,000 investigations, spread over the year. A few hundred of each are stored by
/// real calls; the services are then stopped, their tables filled with copies moved back up to a year
/// (<see cref="TableCopies"/>), and started again. The board refreshes the page back to back: the call's own latency.
/// </summary>
public static class FiguresOverAYear
{
    public const string Name = "figures";
    private const int SeedConcurrency = 16;

    public static async Task RunAsync(BenchContext context, NodeClient node)
    {
        var (referrals, flags, investigations) = context.Quick ? (20_000, 2_000, 1_000) : (200_000, 20_000, 10_000);
        var mash = await node.AsAsync("police-mash");
        var investigator = await node.AsAsync("police-investigator");
        context.Log.WriteLine($"{Name}: storing referrals, flags and investigations by real calls...");
        await RepeatAsync(context.Quick ? 200 : 500, () => node.Referrals().SubmitReferralAsync(BenchContext.NewReferral(), mash).ResponseAsync);
        await RepeatAsync(context.Quick ? 100 : 300, () => node.Assessments().RaiseCseFlagAsync(new RaiseCseFlagRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Child = TestChildren.New(), Risk = CseRisk.Medium, Reason = "Bench", Evidence = "Bench",
            LawfulBasis = LawfulBasis.SafeguardingOfChildren,
        }, mash).ResponseAsync);
        await RepeatAsync(context.Quick ? 100 : 200, () => node.Investigations().OpenInvestigationAsync(new OpenInvestigationRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Children = { TestChildren.New() }, Source = new InvestigationSource { Kind = SourceKind.Referral, Id = "ref_bench" },
            Summary = "Bench", OpenedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1)),
        }, investigator).ResponseAsync);

        await FillAsync(context, node, ServiceSpec.Referral, "referral.db", "Referrals", referrals,
            ["ReceivedAt", "EnteredAt", "DecisionDueAt", "DueAt", "AcknowledgedAt", "ScreenedAt", "RagDueAt", "DecidedAt"]);
        // One flag per child is the service's rule (a unique index): each copy is of another child.
        await FillAsync(context, node, ServiceSpec.Assessment, "assessment.db", "CseFlags", flags, ["RaisedAt", "ClearedAt"], ["ChildKey"]);
        await FillAsync(context, node, ServiceSpec.Investigation, "investigation.db", "Investigations", investigations, ["OpenedAt", "AllocatedAt", "ReviewDueAt", "ClosedAt"]);
        await ProcessStats.WaitUntilQuietAsync(node.Node.Processes.Where(p => !p.HasExited).Select(p => p.Id), TimeSpan.FromMinutes(2));

        var board = await node.AsAsync("partnership-board");
        var now = DateTime.UtcNow;
        var request = new GetPartnershipFiguresRequest { From = Timestamp.FromDateTime(now.AddDays(-365)), To = Timestamp.FromDateTime(now.AddMinutes(5)) };
        var first = await node.Figures().GetPartnershipFiguresAsync(request, board);
        context.Log.WriteLine($"{Name}: a year over {first.Referrals.Received:N0} referrals, {first.Cse.Raised:N0} flags, {first.Investigations.Opened:N0} investigations...");
        var phases = context.Phases with { WarmUp = TimeSpan.FromTicks(Math.Max(context.Phases.WarmUp.Ticks, NodeWarmUp.Duration(context).Ticks)) };
        var measured = await ClosedLoop.RunAsync(1, phases, async ct => await node.Figures().GetPartnershipFiguresAsync(request, BenchContext.Call(board, ct)));
        var p99 = measured.Latency.Percentile(99).TotalMilliseconds;
        var complete = first.Referrals.Received >= referrals && first.Cse.Raised >= flags && first.Investigations.Opened >= investigations;
        context.Add(Figure.Of(Name, $"GetPartnershipFigures, a year ({referrals:N0} referrals, {flags:N0} flags, {investigations:N0} investigations; 1 caller)", measured,
            "every service's part, through the gateway") with
        {
            Target = "p99 < 1,000 ms", Met = complete && p99 < 1_000 && measured.Statuses.Failed == 0,
        });
    }

    private static async Task FillAsync(
        BenchContext context, NodeClient node, ServiceSpec service, string file, string table, long wanted, string[] spread, string[]? distinct = null)
    {
        await node.Node.Service(service).KillAsync();
        var filled = await TableCopies.FillAsync(Path.Combine(node.Options.NodeDataDirectory, file), table, wanted, spread, distinctColumns: distinct);
        context.Log.WriteLine($"{Name}: {table}: {filled:N0} rows");
        await node.Node.StartAsync(service);
    }

    private static async Task RepeatAsync(int count, Func<Task> call)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, SeedConcurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                try
                {
                    await call();
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
                {
                    // A busy node's refusal: the copies make up the numbers.
                }
            }
        })));
    }
}
