using Mash.Platform.Tls;

namespace Mash.Node.Hosting;

/// <summary>One node on loopback: which agency it is, its ports and its data folder.</summary>
public sealed record NodeOptions
{
    public string NodeId { get; init; } = "local-police";
    public string Agency { get; init; } = "police";
    public string Area { get; init; } = "default";
    /// <summary>The gateway's gRPC port; its HTTP/1.1 port is the next one, each service's at its offset above.</summary>
    public int GatewayPort { get; init; } = 5100;
    /// <summary>The folder shared by the nodes of this machine: each node's data, and the local event bus.</summary>
    public required string DataDirectory { get; init; }
    public string Environment { get; init; } = "Development";
    /// <summary>The partnership's child-key secret, shared by every node of the partnership.</summary>
    public required string PartnershipSecret { get; init; }
    /// <summary>The node that runs the MASH front door of this node's area; null for this node itself (a node on its own).</summary>
    public string? FrontDoorNode { get; init; }
    /// <summary>
    /// The local authority node that this node's area's custody requests go to (requests for
    /// accommodation, looked-after status); null leaves the Custody service's own setting.
    /// </summary>
    public string? LocalAuthorityNode { get; init; }
    /// <summary>More settings for every process of the node, as configuration keys (Section:Key).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// The certificate the gateway presents when partners reach it over TLS (the launcher's
    /// <c>--tls</c>); null for the development default, cleartext on loopback. Services stay
    /// cleartext on loopback behind the gateway either way, as they are behind it in a cluster.
    /// </summary>
    public GatewayCertificate? Tls { get; init; }
    /// <summary>
    /// How long each process may take to answer its health check before the start fails. The
    /// launcher's 60 s finds a broken process quickly; test suites that start several nodes at once on
    /// a two-core machine allow more, since they assert what the nodes do, not how fast they start.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>The node's information-sharing agreements (Mash:Agreements): without one, nothing is shared with a partner.</summary>
    public IReadOnlyList<LocalAgreement> Agreements { get; init; } = [];

    public int GatewayHttpPort => GatewayPort + 1;
    private string GatewayScheme => Tls is null ? "http" : "https";
    public string GatewayAddress => $"{GatewayScheme}://127.0.0.1:{GatewayPort}";
    public string GatewayHttpAddress => $"{GatewayScheme}://127.0.0.1:{GatewayHttpPort}";
    public string NodeDataDirectory => Path.Combine(DataDirectory, NodeId);
    /// <summary>The local transport's file, shared by every node on this machine.</summary>
    public string EventBusPath => Path.Combine(DataDirectory, "bus", "mash-bus.db");

    public string AddressOf(ServiceSpec service) => $"http://127.0.0.1:{GatewayPort + service.PortOffset}";

    public const string SocialCareNodeId = "local-social-care";

    public const string PoliceNodeId = "local-police";

    /// <summary>
    /// A police node and a children's social care node, side by side; social care runs the area's
    /// MASH front door and is the police node's local authority node (custody requests go there), and each has an
    /// agreement with the other for everything they share.
    /// </summary>
    public static IReadOnlyList<NodeOptions> PoliceAndSocialCare(int basePort, string dataDirectory, string secret) =>
    [
        new()
        {
            NodeId = PoliceNodeId, Agency = "police", GatewayPort = basePort, DataDirectory = dataDirectory, PartnershipSecret = secret,
            FrontDoorNode = SocialCareNodeId,
            LocalAuthorityNode = SocialCareNodeId,
            Agreements = [LocalAgreement.ForEverything("LOCAL-ISA-POLICE-TO-SOCIAL-CARE", SocialCareNodeId, "children-social-care")],
        },
        new()
        {
            NodeId = SocialCareNodeId, Agency = "children-social-care", GatewayPort = basePort + 100, DataDirectory = dataDirectory, PartnershipSecret = secret,
            FrontDoorNode = SocialCareNodeId,
            
            Agreements = [LocalAgreement.ForEverything("LOCAL-ISA-SOCIAL-CARE-TO-POLICE", PoliceNodeId, "police")],
        },
    ];
}

/// <summary>An information-sharing agreement of a local node, as the services read it (Mash:Agreements:Registry).</summary>
public sealed record LocalAgreement(string Id, string PartnerNode, string PartnerAgency, IReadOnlyList<string> Categories, DateOnly ValidFrom, DateOnly ValidTo)
{
    /// <summary>Every data category of the contract (mash.governance.v1.DataCategory), by the name the registry takes.</summary>
    public static readonly IReadOnlyList<string> AllCategories =
        [.. Enum.GetValues<Mash.Contracts.Governance.V1.DataCategory>().Where(c => c != Mash.Contracts.Governance.V1.DataCategory.Unspecified).Select(c => c.ToString())];

    /// <summary>Every category, in force from well before today until a year from now (a development node never finds it lapsed).</summary>
    public static LocalAgreement ForEverything(string id, string partnerNode, string partnerAgency) =>
        new(id, partnerNode, partnerAgency, AllCategories, new DateOnly(2020, 1, 1), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1));

    /// <summary>As configuration keys, the <paramref name="index"/>th entry of the registry.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(int index)
    {
        var at = $"Mash:Agreements:Registry:{index}:";
        yield return new(at + "Id", Id);
        yield return new(at + "PartnerNode", PartnerNode);
        yield return new(at + "PartnerAgency", PartnerAgency);
        yield return new(at + "LawfulBasis", "LAWFUL_BASIS_PUBLIC_TASK");
        yield return new(at + "ValidFrom", ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        yield return new(at + "ValidTo", ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Categories.Count; i++)
        {
            yield return new(at + $"Categories:{i}", Categories[i]);
        }
    }
}

/// <summary>The gateway's certificate and key, PEM files as a kubernetes.io/tls Secret mounts them.</summary>
public sealed record GatewayCertificate(string CertificatePath, string KeyPath)
{
    /// <summary>The loopback certificate every gateway on this machine shares, kept in the data folder (<c>tls/</c>) so clients trust it across restarts.</summary>
    public static GatewayCertificate ForLoopback(string dataDirectory)
    {
        var (certificate, key) = LoopbackCertificate.ReadOrCreate(Path.Combine(dataDirectory, "tls"), "gateway", TimeProvider.System);
        return new GatewayCertificate(certificate, key);
    }
}

/// <summary>A service of a node: where it is built and its port's offset from the gateway's.</summary>
public sealed record ServiceSpec(string Name, string ProjectFolder, string AssemblyName, int PortOffset)
{
    public static readonly ServiceSpec Referral = new("referral", "services/Mash.Referral", "Mash.Referral", 10);
    public static readonly ServiceSpec Assessment = new("assessment", "services/Mash.Assessment", "Mash.Assessment", 20);
    public static readonly ServiceSpec Strategy = new("strategy", "services/Mash.StrategyDiscussion", "Mash.StrategyDiscussion", 30);
    public static readonly ServiceSpec Offender = new("offender", "services/Mash.Offender", "Mash.Offender", 40);
    public static readonly ServiceSpec Custody = new("custody", "services/Mash.Custody", "Mash.Custody", 50);
    public static readonly ServiceSpec Investigation = new("investigation", "services/Mash.Investigation", "Mash.Investigation", 60);
    public static readonly IReadOnlyList<ServiceSpec> All = [Referral, Assessment, Strategy, Offender, Custody, Investigation];
}
