using Mash.Platform.Hosting.InProcess;
using System.Text.Json;

namespace Mash.Node.Host;

/// <summary>One application of the node: its name and its command line (its content root and its own settings).</summary>
internal sealed record HostedApp(string Name, string[] Args);

/// <summary>
/// Runs the applications a node file lists (<c>Mash.Node.Host node-host.json</c>, written by the launcher) side by
/// side until the process is told to stop. One that ends (a start refused for a setting, say) stops the others, and
/// its exit code is the process's, so the launcher sees the node fail as it would see a service fail.
/// </summary>
internal static class NodeHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [var file])
        {
            await Console.Error.WriteLineAsync("usage: Mash.Node.Host NODE-HOST.json (written by Mash.Node)");
            return 2;
        }

        // The gateway reaches the services beside it through memory, not the kernel's TCP stack.
        InProcessServers.Enable();
        var apps = SharingTheProcess(JsonSerializer.Deserialize<List<HostedApp>>(await File.ReadAllTextAsync(file)) ?? []);
        using var stop = new CancellationTokenSource();
        // Each on the thread pool from its first line: building an application and migrating SQLite run synchronously,
        // so started from here they would build one after another on one core while the other waited.
        var running = apps.Select(app => Task.Run(() => RunAsync(app, stop))).ToList();
        var first = await Task.WhenAny(running);
        await stop.CancelAsync();
        var codes = await Task.WhenAll(running);
        return (await first) is var code and not 0 ? code : codes.FirstOrDefault(c => c != 0);
    }

    /// <summary>
    /// Each application exports only the telemetry it made, and the first listed (the launcher lists the gateway first)
    /// the process's too: every OpenTelemetry provider of a process sees every meter and span of the names it listens to.
    /// </summary>
    private static List<HostedApp> SharingTheProcess(List<HostedApp> apps) =>
    [
        .. apps.Select((app, i) => app with
        {
            Args = [.. app.Args, "--Mash:Telemetry:SharedProcess=true", $"--Mash:Telemetry:ProcessTelemetry={(i == 0 ? "true" : "false")}"],
        }),
    ];

    private static async Task<int> RunAsync(HostedApp app, CancellationTokenSource stop)
    {
        try
        {
            return await Start(app.Name, app.Args, stop.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"{app.Name} stopped: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            // Whatever ended one application ends the node: a half-started node is not one to use.
            await stop.CancelAsync();
        }
    }

    private static async Task<int> Start(string name, string[] args, CancellationToken stop)
    {
        switch (name)
        {
            case "gateway":
                await Mash.Gateway.GatewayApp.RunAsync(args, stop);
                return 0;
            case "referral":
                return await Mash.Referral.ReferralHost.RunAsync(args, stop);
            case "assessment":
                return await Mash.Assessment.AssessmentHost.RunAsync(args, stop);
            case "strategy":
                return await Mash.StrategyDiscussion.StrategyDiscussionHost.RunAsync(args, stop);
            case "offender":
                return await Mash.Offender.OffenderHost.RunAsync(args, stop);
            case "custody":
                return await Mash.Custody.CustodyHost.RunAsync(args, stop);
            case "investigation":
                return await Mash.Investigation.InvestigationHost.RunAsync(args, stop);
            default:
                throw new ArgumentException($"No application named '{name}' in this host.");
        }
    }
}
