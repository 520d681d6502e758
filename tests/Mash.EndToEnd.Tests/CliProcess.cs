using System.Diagnostics;
using Mash.Node.Hosting;

namespace Mash.EndToEnd.Tests;

/// <summary>The repository's client run as its own process, as a partner runs it, against one node.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(NodeOptions node, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepositoryLayout.BuiltAssembly("tools/Mash.Cli", "Mash.Cli"));
        foreach (var arg in args.Concat(["--gateway", node.GatewayAddress, "--data-dir", node.NodeDataDirectory]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
