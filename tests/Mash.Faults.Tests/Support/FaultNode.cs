using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// One node (gateway and services as real processes on loopback) that a test crashes: short
/// message locks, so a message a killed consumer held is delivered again within the test.
/// </summary>
public sealed class FaultNode : IAsyncDisposable
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(2);

    private FaultNode(NodeClient client) => Client = client;

    public NodeClient Client { get; }
    public RunningNode Node => Client.Node;
    public NodeOptions Options => Client.Options;

    public ServiceDatabase Referral => new(Path.Combine(Options.NodeDataDirectory, "referral.db"));
    public ServiceDatabase Assessment => new(Path.Combine(Options.NodeDataDirectory, "assessment.db"));

    public static async Task<FaultNode> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("mash-faults-").FullName;
        try
        {
            return new FaultNode(new NodeClient(await RunningNode.StartAsync(new NodeOptions
            {
                GatewayPort = FreePorts.NodeBase(),
                DataDirectory = data,
                PartnershipSecret = "fault-test-partnership-secret",
                Settings = new Dictionary<string, string> { ["Mash:Eventing:LockDuration"] = LockDuration.ToString() },
            })));
        }
        catch
        {
            TempFolders.Delete(data);
            throw;
        }
    }

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public Task KillAsync(ServiceSpec service) => Node.Service(service).KillAsync();

    public Task RestartAsync(ServiceSpec service) => Node.StartAsync(service);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
        TempFolders.Delete(Options.DataDirectory);
    }
}
