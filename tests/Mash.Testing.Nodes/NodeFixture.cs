using Grpc.Core;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;

namespace Mash.Testing.Nodes;

/// <summary>One node (gateway and services as real processes) for a test class, on free ports.</summary>
public class NodeFixture : IAsyncLifetime
{
    private readonly bool _tls;
    private NodeClient? _client;

    public NodeFixture()
        : this(tls: false)
    {
    }

    /// <summary>With <paramref name="tls"/>, the gateway takes partners over TLS with a loopback certificate, as the launcher's --tls.</summary>
    protected NodeFixture(bool tls) => _tls = tls;

    public RunningNode Node => Client.Node;
    public NodeOptions Options => Client.Options;
    public NodeClient Client => _client ?? throw new InvalidOperationException("The node did not start.");

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("mash-e2e-").FullName;
        _client = new NodeClient(await RunningNode.StartAsync(new NodeOptions
        {
            GatewayPort = FreePorts.NodeBase(),
            DataDirectory = data,
            PartnershipSecret = "end-to-end-test-partnership-secret",
            Tls = _tls ? GatewayCertificate.ForLoopback(data) : null,
            StartTimeout = TestNodeStart.Timeout,
        }));
    }

    public ReferralService.ReferralServiceClient ThroughGateway() => Client.Referrals();
    public Task<string> TokenAsync(string clientId) => Client.TokenAsync(clientId);
    public Task<Metadata> AsAsync(string clientId) => Client.AsAsync(clientId);
    public static Metadata Headers(string? token) => NodeClient.Headers(token);

    public async Task DisposeAsync()
    {
        // A node that never started has nothing to stop (its start already stopped what it began).
        if (_client is null)
        {
            return;
        }

        _client.Dispose();
        await Node.DisposeAsync();
        TempFolders.Delete(Options.DataDirectory);
    }
}

public static class TempFolders
{
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned later.
        }
    }
}
