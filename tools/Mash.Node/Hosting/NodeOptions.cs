namespace Mash.Node.Hosting;

/// <summary>One node on loopback: which agency it is, its ports and its data folder.</summary>
public sealed record NodeOptions
{
    public string NodeId { get; init; } = "local-police";
    public string Agency { get; init; } = "police";
    public string Area { get; init; } = "default";
    /// <summary>The gateway's gRPC port; its HTTP/1.1 port is the next one, the Referral service's 10 above.</summary>
    public int GatewayPort { get; init; } = 5100;
    public required string DataDirectory { get; init; }
    public string Environment { get; init; } = "Development";
    /// <summary>The partnership's child-key secret, shared by every node of the partnership.</summary>
    public required string PartnershipSecret { get; init; }
    /// <summary>More settings for every process of the node, as configuration keys (Section:Key).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public int GatewayHttpPort => GatewayPort + 1;
    public int ReferralPort => GatewayPort + 10;
    public string GatewayAddress => $"http://127.0.0.1:{GatewayPort}";
    public string GatewayHttpAddress => $"http://127.0.0.1:{GatewayHttpPort}";
    public string ReferralAddress => $"http://127.0.0.1:{ReferralPort}";
    public string NodeDataDirectory => Path.Combine(DataDirectory, NodeId);
}
