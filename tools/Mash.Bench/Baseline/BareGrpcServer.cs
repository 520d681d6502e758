using Mash.Node.Hosting;
using System.Diagnostics;
using Mash.Testing.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Bench.Baseline;

/// <summary>
/// A bare gRPC service (<see cref="ConstantReferrals"/>) in a process of its own, as the node's
/// services are: this tool started again with <see cref="Argument"/>, on a port of 127.0.0.1, h2c,
/// with the services' server GC. The benchmark compares each of its figures with this one.
/// </summary>
public static class BareGrpcServer
{
    public const string Argument = "--bare-grpc-server";

    /// <summary>Runs the server in this process until it is stopped.</summary>
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<ConstantReferrals>();
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the server's process; its address once it answers.</summary>
    public static async Task<(Process Process, string Address)> StartAsync()
    {
        var port = FreePorts.NodeBase();
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BareGrpcServer).Assembly.Location);
        }

        start.ArgumentList.Add(Argument);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["DOTNET_gcServer"] = "1";
        // Ends with the run however the run ends, as the nodes' processes do.
        OrphanWatchdog.OfThisProcess.Mark(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bare gRPC server did not start.");
        OrphanWatchdog.OfThisProcess.Watch(process.Id);
        var address = $"http://127.0.0.1:{port}";
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(address);
        var client = new Contracts.Referral.V1.ReferralService.ReferralServiceClient(channel);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.GetReferralAsync(new Contracts.Referral.V1.GetReferralRequest { ReferralId = "ref_x" }, deadline: DateTime.UtcNow.AddSeconds(2));
                return (process, address);
            }
            catch (Grpc.Core.RpcException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
