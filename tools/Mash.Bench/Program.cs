using System.Diagnostics;
using System.Reflection;
using Mash.Bench;
using Mash.Bench.Hosting;
using Mash.Bench.Output;
using Mash.Bench.Scenarios;
using Mash.Node.Hosting;

if (args is [Mash.Bench.Baseline.BareGrpcServer.Argument, var barePort])
{
    return await Mash.Bench.Baseline.BareGrpcServer.RunAsync(int.Parse(barePort, System.Globalization.CultureInfo.InvariantCulture));
}

BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}{Environment.NewLine}{BenchArguments.Usage}");
    return 2;
}

var configuration = typeof(RunningNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BuildConfiguration").Value;
if (configuration != "Release")
{
    Console.Error.WriteLine($"warning: the services were built in {configuration}; run `dotnet run -c Release --project tools/Mash.Bench` for figures that mean something.");
}

var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var loadAtStart = ProcessStats.LoadAverage();
var errors = new List<string>();
await using var nodes = new BenchNodes(arguments.Settings, arguments.Shape);
var context = new BenchContext(arguments.Quick, nodes, Console.Out, arguments.WarmUp);

async Task Scenario(string name, Func<Task> run)
{
    if (!arguments.Runs(name))
    {
        return;
    }

    try
    {
        await run();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        // One failed scenario still leaves the others' figures, and says why it has none.
        errors.Add($"{name}: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine($"{name} failed: {e}");
    }
}

// First, what gRPC itself does on this machine through the same client: every rate below is also a fraction of it.
// Every run measures it, whichever scenarios it runs.
try
{
    context.Bare = await Mash.Bench.Baseline.BareGrpcBaseline.RunAsync(context);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    errors.Add($"{Mash.Bench.Baseline.BareGrpcBaseline.Name}: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine($"the bare gRPC baseline failed: {e}");
}

if (arguments.Runs(GatewayOverhead.Name) || arguments.Runs(DurableSubmits.Name))
{
    Console.WriteLine("Starting a node on SQLite...");
    var node = await nodes.StartSqliteAsync("bench-sqlite");
    await NodeWarmUp.RunAsync(context, node);
    await Scenario(GatewayOverhead.Name, () => GatewayOverhead.RunAsync(context, node));
    await Scenario(DurableSubmits.Name, () => DurableSubmits.RunAsync(context, node, "SQLite"));
    context.AddResources(node.Node);
    await nodes.StopAsync(node);
}

await Scenario(DurableSubmits.Name, async () =>
{
    Console.WriteLine("Starting a node on PostgreSQL (private server)...");
    var node = await nodes.StartPostgresAsync("bench-postgres");
    await NodeWarmUp.RunAsync(context, node);
    await DurableSubmits.RunAsync(context, node, "PostgreSQL", "server: " + await nodes.PostgresDurabilityAsync());
    context.AddResources(node.Node);
    await nodes.StopAsync(node);
});

if (arguments.Runs(CrossNodeFlags.Name) || arguments.Runs(RiskProfileGrowth.Name))
{
    try
    {
        Console.WriteLine("Starting a police node and a social care node...");
        var (police, socialCare) = await nodes.StartPoliceAndSocialCareAsync();
        await NodeWarmUp.RunAsync(context, police);
        await Scenario(CrossNodeFlags.Name, () => CrossNodeFlags.RunAsync(context, police, socialCare));
        await Scenario(RiskProfileGrowth.Name, () => RiskProfileGrowth.RunAsync(context, police, socialCare));
        context.AddResources(police.Node);
        context.AddResources(socialCare.Node);
        await nodes.StopAsync(police);
        await nodes.StopAsync(socialCare);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        errors.Add($"{CrossNodeFlags.Name}, {RiskProfileGrowth.Name}: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine($"the two-node scenarios failed: {e}");
    }
}

await Scenario(DefaultFootprint.Name, () => DefaultFootprint.RunAsync(context));

await Scenario(ListOverManyReferrals.Name, async () =>
{
    Console.WriteLine("Starting a node on SQLite for the large queue...");
    var node = await nodes.StartSqliteAsync("bench-list", stopsServices: true);
    await ListOverManyReferrals.RunAsync(context, node);
    context.AddResources(node.Node);
    await nodes.StopAsync(node);
});

await Scenario(FiguresOverAYear.Name, async () =>
{
    Console.WriteLine("Starting a node on SQLite for a year of figures...");
    var node = await nodes.StartSqliteAsync("bench-figures", stopsServices: true);
    await NodeWarmUp.RunAsync(context, node);
    await FiguresOverAYear.RunAsync(context, node);
    context.AddResources(node.Node);
    await nodes.StopAsync(node);
});

if (context.BareService is { } bareService)
{
    await bareService.DisposeAsync();
}

var run = new BenchRun
{
    StartedAt = started,
    Mode = (arguments.Quick ? "quick" : "full") + ", services built in " + configuration
        + arguments.Shape switch
        {
            NodeShape.OneProcess => ", each node in one process",
            NodeShape.ProcessEach => ", a process per application",
            _ => ", SQLite nodes in one process, PostgreSQL nodes a process per application",
        }
        + string.Concat(arguments.Settings.Select(s => $", {s.Key}={s.Value}")),
    ProcessorCount = Environment.ProcessorCount,
    LoadAverageAtStart = loadAtStart,
    LoadAverageAtEnd = ProcessStats.LoadAverage(),
    Duration = clock.Elapsed,
    Figures = context.Figures,
    Errors = errors,
};
ResultTable.Print(run, Console.Out);
var outFile = arguments.OutFile ?? Path.Combine(RepositoryLayout.Root, ".mash", "bench", "results.json");
await ResultFile.WriteAsync(outFile, run);
Console.WriteLine($"Results written to {outFile}");
return errors.Count == 0 ? 0 : 1;
