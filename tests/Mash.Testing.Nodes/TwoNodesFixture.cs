using Mash.Node.Hosting;

namespace Mash.Testing.Nodes;

/// <summary>
/// A police node and a children's social care node as real processes on loopback, joined by
/// the local transport, as the README's run command starts them.
/// </summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    /// <summary>Short locks, so a message left unsettled by a killed consumer is redelivered within the test.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(2);

    private readonly RunningNodes _nodes = new();
    private string _data = "";

    public NodeClient Police { get; private set; } = null!;
    public NodeClient SocialCare { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("mash-e2e-two-nodes-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Mash:Eventing:LockDuration"] = LockDuration.ToString(),
            // Stalls begin by the passing of time: looked for every 3 s here, not every 15 minutes.
            ["Mash:Investigation:StallCheckMinutes"] = "0.05",
        };
        var options = NodeOptions.PoliceAndSocialCare(FreePorts.NodeBase(nodes: 2), _data, "end-to-end-partnership-secret")
            .Select(o => o with { Settings = settings, StartTimeout = TestNodeStart.Timeout })
            .ToList();
        await Task.WhenAll(options.Select(async o => _nodes.Add(await RunningNode.StartAsync(o))));
        Police = new NodeClient(_nodes.Nodes.Single(n => n.Options.Agency == "police"));
        SocialCare = new NodeClient(_nodes.Nodes.Single(n => n.Options.Agency == "children-social-care"));
    }

    public async Task DisposeAsync()
    {
        Police?.Dispose();
        SocialCare?.Dispose();
        await _nodes.DisposeAsync();
        TempFolders.Delete(_data);
    }
}
