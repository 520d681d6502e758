using Grpc.Core;
using Mash.Bench.Hosting;
using Mash.Bench.Load;
using Mash.Bench.Output;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Bench.Scenarios;

/// <summary>What every scenario shares: the run's length, its nodes, the figures collected so far.</summary>
public sealed class BenchContext(bool quick, BenchNodes nodes, TextWriter log, TimeSpan? warmUp = null)
{
    private readonly List<Figure> _figures = [];

    public bool Quick { get; } = quick;
    public Phases Phases => warmUp is { } given ? DefaultPhases with { WarmUp = given } : DefaultPhases;
    private Phases DefaultPhases => Quick ? Phases.Quick : Phases.Full;
    public BenchNodes Nodes { get; } = nodes;
    public TextWriter Log { get; } = log;
    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>The bare gRPC service's rates, once measured: each later rate is also given as a fraction of them.</summary>
    public Baseline.BareRates? Bare { get; set; }

    /// <summary>The bare gRPC service, up until the run ends once its baseline has started it.</summary>
    public Baseline.BareService? BareService { get; set; }

    public void Add(Figure figure)
    {
        // A figure measured in turns with the bare service comes with its own ratio.
        if (Bare is { } bare && figure.PerSecond is { } perSecond && figure.VsBare is null && figure.Scenario != Baseline.BareGrpcBaseline.Name)
        {
            // Submits against the bare service's submits, everything else (reads, lists) against its reads.
            var baseline = figure.Name.Contains("ubmit", StringComparison.Ordinal) ? bare.SubmitsPerSecond : bare.ReadsPerSecond;
            figure = figure with { VsBare = baseline > 0 ? Math.Round(perSecond / baseline, 3) : null };
        }

        _figures.Add(figure);
        var rate = figure.PerSecond is { } r ? $"{r:0.#}/s " : "";
        var latency = figure.P99Ms is { } p99 ? $"p50 {figure.P50Ms} ms p99 {p99} ms " : "";
        var value = figure.Value is { } v ? $"{v} {figure.Unit} " : "";
        var vsBare = figure.VsBare is { } x ? $"({x} of bare gRPC) " : "";
        Log.WriteLine($"  {figure.Scenario}/{figure.Name}: {rate}{vsBare}{latency}{value}{(figure.Met is false ? "(target missed)" : "")}");
    }

    /// <summary>Memory and start time of each process of the node, read just before it is stopped.</summary>
    public void AddResources(RunningNode node)
    {
        var processes = node.Processes.ToList();
        // A node in one host process runs the gateway and every service in it.
        var applications = processes.Count == 1 ? 1 + ServiceSpec.All.Count : 1;
        foreach (var process in processes)
        {
            var rss = ProcessStats.ResidentMegabytes(process.Id);
            if (rss is { } megabytes)
            {
                var privateMemory = ProcessStats.PrivateMegabytes(process.Id) is { } anon ? $"of which private (RssAnon) {anon} MB; the rest is mapped runtime and assembly files" : null;
                var perApplication = megabytes / applications;
                Add(new Figure
                {
                    Scenario = "resources", Name = $"rss {process.Name}", Value = megabytes, Unit = "MB",
                    // The issue's limit is per service; the gateway, and each application of a one-process node, are held to the same bound.
                    Target = applications == 1 ? "< 150 MB" : "< 150 MB per application", Met = perApplication < 150,
                    Note = applications == 1
                        ? privateMemory
                        : string.Join("; ", new[] { $"the gateway and {applications - 1} services in one process: {perApplication:0.#} MB per application", privateMemory }.OfType<string>()),
                });
            }

            if (process.StartToReady is { } ready)
            {
                Add(new Figure { Scenario = "resources", Name = $"start-to-ready {process.Name}", Value = Figure.Ms(ready), Unit = "ms" });
            }
        }

        AddNodeMemory(node.Options.NodeId, processes.Select(p => p.Id).ToList());
    }

    /// <summary>A node of several processes: the memory they hold together, each shared page counted once.</summary>
    private void AddNodeMemory(string nodeName, List<int> pids)
    {
        var shares = pids.Select(ProcessStats.ProportionalMegabytes).ToList();
        if (pids.Count < 2 || shares.Any(s => s is null))
        {
            return;
        }

        var total = Math.Round(shares.Sum(s => s!.Value), 1);
        var resident = Math.Round(pids.Sum(pid => ProcessStats.ResidentMegabytes(pid) ?? 0), 1);
        Add(new Figure
        {
            Scenario = "resources", Name = $"memory {nodeName}, a process each (PSS)", Value = total, Unit = "MB",
            Note = $"{pids.Count} processes, {Math.Round(total / pids.Count, 1)} MB each on average; their RSS adds up to {resident} MB, counting the runtime's files once per process",
        });
    }

    public static CallOptions Call(Metadata headers, CancellationToken cancellationToken) =>
        new(headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);

    /// <summary>A new referral for a new invented child: each submit is a real insert, not a replay.</summary>
    public static SubmitReferralRequest NewReferral()
    {
        var request = Referrals.Sample(Guid.NewGuid().ToString("N"));
        request.Details.Child = TestChildren.New();
        return request;
    }
}
