using System.Runtime.InteropServices;
using Mash.Node;
using Mash.Node.Dashboard;
using Mash.Node.Hosting;
using Mash.Platform.Hosting;
using Mash.Platform.Identity;

LauncherArguments arguments;
try
{
    arguments = LauncherArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}{Environment.NewLine}{LauncherArguments.Usage}");
    return 2;
}

var data = Path.GetFullPath(arguments.DataDirectory ?? Path.Combine(RepositoryLayout.Root, ".mash"));
var secret = LocalSecretFile.ReadOrCreate(Path.Combine(data, PartnershipSecret.FileName), PartnershipSecret.Generate);
var nodes = NodeOptions.PoliceAndSocialCare(arguments.GatewayPort, data, secret);
if (arguments.Tls)
{
    var certificate = GatewayCertificate.ForLoopback(data);
    nodes = [.. nodes.Select(node => node with { Tls = certificate })];
}

await using var dashboard = DashboardLauncher.Start(arguments, Console.Out, Console.Error);
if (dashboard is not null)
{
    nodes = [.. nodes.Select(node => node with { Settings = dashboard.ExporterSettings() })];
}

Console.WriteLine($"Starting a police node and a children's social care node on 127.0.0.1 (data in {data})...");

// Ctrl+C and SIGTERM both stop the node's processes with the launcher, never leaving them behind.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
await using var running = new RunningNodes();
var echo = arguments.Verbose ? Console.Out : null;
if (arguments.SeparateProcesses)
{
    foreach (var node in nodes)
    {
        running.Add(await RunningNode.StartAsync(node, echo));
    }
}
else
{
    // One process per node, both starting at once: each node's services share one runtime.
    await Task.WhenAll(nodes.Select(async node => running.Add(await RunningNode.StartInOneProcessAsync(node, echo))));
}

await DashboardLauncher.ReportAsync(dashboard, Console.Out, Console.Error);
Banner.Print(nodes, Console.Out);

while (!stop.IsCancellationRequested && running.Processes.All(p => !p.HasExited))
{
    await Task.Delay(250, CancellationToken.None);
}

var crashed = running.Processes.FirstOrDefault(p => p.HasExited);
if (crashed is not null)
{
    Console.Error.WriteLine($"{crashed.Name} stopped unexpectedly (exit code {crashed.ExitCode}):");
    Console.Error.WriteLine(string.Join(Environment.NewLine, crashed.Output.TakeLast(20)));
    return 1;
}

Console.WriteLine("Stopping.");
return 0;
