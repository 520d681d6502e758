using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Mash.Faults.Tests.Support;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests;

/// <summary>
/// The check each image's HEALTHCHECK and compose run (<c>dotnet Mash.X.dll --check-health</c>),
/// against real service processes: healthy while the database is there, unhealthy once its file
/// is removed, while liveness (which must not restart the pod) stays serving.
/// </summary>
[Collection(RealNodesCollection.Name)]
public sealed class HealthProbeTests
{
    [Fact]
    public async Task The_health_check_passes_with_the_database_and_fails_when_it_is_removed()
    {
        var data = Directory.CreateTempSubdirectory("mash-health-").FullName;
        var options = new NodeOptions { GatewayPort = FreePorts.NodeBase(), DataDirectory = data, PartnershipSecret = "health-test-partnership-secret" };
        try
        {
            await using (var node = await RunningNode.StartAsync(options))
            {
                foreach (var service in ServiceSpec.All)
                {
                    var (code, output) = await ProbeAsync(service, options);
                    Assert.True(code == 0, $"{service.Name}: exit {code}: {output}");
                    Assert.Contains("Serving", output, StringComparison.Ordinal);
                }

                foreach (var file in Directory.GetFiles(options.NodeDataDirectory, "referral.db*"))
                {
                    File.Delete(file);
                }

                var (failed, said) = await ProbeAsync(ServiceSpec.Referral, options);
                Assert.True(failed == 1, $"referral without its database: exit {failed}: {said}");
                Assert.Contains("NotServing", said, StringComparison.Ordinal);
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StatusAsync(options.AddressOf(ServiceSpec.Referral), "liveness"));
                Assert.Equal(0, (await ProbeAsync(ServiceSpec.Offender, options)).Code);
            }
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    [Fact]
    public async Task With_no_service_listening_the_health_check_fails_saying_so()
    {
        var options = new NodeOptions { GatewayPort = FreePorts.NodeBase(), DataDirectory = Path.GetTempPath(), PartnershipSecret = "unused" };

        var (code, output) = await ProbeAsync(ServiceSpec.Assessment, options);

        Assert.Equal(1, code);
        Assert.Contains("unhealthy: Unavailable", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> ProbeAsync(ServiceSpec service, NodeOptions options)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryLayout.BuiltAssembly(service.ProjectFolder, service.AssemblyName), "--check-health"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Kestrel__Endpoints__http__Url"] = options.AddressOf(service);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, output);
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> StatusAsync(string address, string service)
    {
        using var channel = GrpcChannel.ForAddress(address);
        return (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service })).Status;
    }
}
