using System.Runtime.InteropServices;
using Mash.Node;
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
var options = new NodeOptions { GatewayPort = arguments.GatewayPort, DataDirectory = data, PartnershipSecret = secret };
Console.WriteLine($"Starting the gateway and the Referral service on 127.0.0.1 (data in {options.NodeDataDirectory})...");

// Ctrl+C and SIGTERM both stop the node's processes with the launcher, never leaving them behind.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
await using var node = await RunningNode.StartAsync(options, arguments.Verbose ? Console.Out : null);
Banner.Print(options, Console.Out);

while (!stop.IsCancellationRequested && !node.Gateway.HasExited && !node.Referral.HasExited)
{
    await Task.Delay(250, CancellationToken.None);
}

var crashed = new[] { node.Gateway, node.Referral }.FirstOrDefault(p => p.HasExited);
if (crashed is not null)
{
    Console.Error.WriteLine($"{crashed.Name} stopped unexpectedly (exit code {crashed.ExitCode}):");
    Console.Error.WriteLine(string.Join(Environment.NewLine, crashed.Output.TakeLast(20)));
    return 1;
}

Console.WriteLine("Stopping.");
return 0;
