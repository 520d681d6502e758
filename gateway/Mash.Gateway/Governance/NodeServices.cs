using Grpc.Net.Client;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Hosting.InProcess;

namespace Mash.Gateway.Governance;

/// <summary>
/// The node's services, as the gateway routes to them (the clusters of <c>ReverseProxy:Clusters</c>,
/// first destination each): the governance calls ask every one of them. One HTTP/2 channel per
/// service, kept for the gateway's life.
/// </summary>
internal sealed class NodeServices : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels;

    public NodeServices(IConfiguration configuration)
    {
        _channels = configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .Select(cluster => (cluster.Key, Address: cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))))
            .Where(c => c.Address is not null)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => GrpcChannel.ForAddress(c.Address!, new GrpcChannelOptions
            {
                // An export holds a child's whole history at one service.
                MaxReceiveMessageSize = 16 * 1024 * 1024,
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true }.ReachInProcessWhenEnabled(),
            }), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _channels.Keys;

    public bool Contains(string service) => _channels.ContainsKey(service);

    public ServiceGovernance.ServiceGovernanceClient Client(string service) => new(_channels[service]);

    public Mash.Contracts.Figures.V1.ServiceFigures.ServiceFiguresClient Figures(string service) => new(_channels[service]);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
