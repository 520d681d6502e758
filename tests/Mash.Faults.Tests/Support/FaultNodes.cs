using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>
/// The README's two nodes (gateway and services as real processes on loopback) that a test crashes:
/// partners refer at the police node, whose referrals travel to the MASH front door at the social
/// care node. Short message locks, so a message a killed consumer held is delivered again within the test.
/// </summary>
public sealed class FaultNodes : IAsyncDisposable
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(2);

    private readonly RunningNodes _nodes;
    private readonly string _data;

    private FaultNodes(RunningNodes nodes, string data)
    {
        _nodes = nodes;
        _data = data;
        Police = new NodeClient(nodes.Nodes.Single(n => n.Options.Agency == "police"));
        SocialCare = new NodeClient(nodes.Nodes.Single(n => n.Options.Agency == "children-social-care"));
    }

    /// <summary>Where partners submit: its Referral service keeps the referrer's copies and sends them on.</summary>
    public NodeClient Police { get; }

    /// <summary>The MASH front door: its Referral service takes the police node's referrals in.</summary>
    public NodeClient SocialCare { get; }

    public string EventBusPath => Police.Options.EventBusPath;

    public ServiceDatabase PoliceReferral => new(Path.Combine(Police.Options.NodeDataDirectory, "referral.db"));
    public ServiceDatabase FrontDoorReferral => new(Path.Combine(SocialCare.Options.NodeDataDirectory, "referral.db"));

    public static async Task<FaultNodes> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("mash-faults-").FullName;
        var nodes = new RunningNodes();
        try
        {
            var settings = new Dictionary<string, string> { ["Mash:Eventing:LockDuration"] = LockDuration.ToString() };
            foreach (var options in NodeOptions.PoliceAndSocialCare(FreePorts.NodeBase(nodes: 2), data, "fault-test-partnership-secret"))
            {
                nodes.Add(await RunningNode.StartAsync(options with { Settings = settings, StartTimeout = TestNodeStart.Timeout }));
            }

            return new FaultNodes(nodes, data);
        }
        catch
        {
            await nodes.DisposeAsync();
            TempFolders.Delete(data);
            throw;
        }
    }

    /// <summary>kill -9: the process ends at once, whatever it was doing.</summary>
    public static Task KillAsync(NodeClient node, ServiceSpec service) => node.Node.Service(service).KillAsync();

    public static Task RestartAsync(NodeClient node, ServiceSpec service) => node.Node.StartAsync(service);

    public async ValueTask DisposeAsync()
    {
        Police.Dispose();
        SocialCare.Dispose();
        await _nodes.DisposeAsync();
        TempFolders.Delete(_data);
    }
}
