namespace Mash.Node.Hosting;

/// <summary>A node's processes: the gateway and the Referral service, each a real process.</summary>
public sealed class RunningNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TextWriter? _echo;

    private RunningNode(NodeOptions options, TextWriter? echo)
    {
        Options = options;
        _echo = echo;
    }

    public NodeOptions Options { get; }
    public ChildProcess Gateway { get; private set; } = null!;
    public ChildProcess Referral { get; private set; } = null!;

    public static async Task<RunningNode> StartAsync(NodeOptions options, TextWriter? echo = null)
    {
        var node = new RunningNode(options, echo);
        try
        {
            await node.StartGatewayAsync();
            await node.StartReferralAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async Task StartGatewayAsync()
    {
        var environment = CommonEnvironment();
        environment["Kestrel__Endpoints__Grpc__Url"] = Options.GatewayAddress;
        environment["Kestrel__Endpoints__Http__Url"] = Options.GatewayHttpAddress;
        environment["ReverseProxy__Clusters__referral__Destinations__referral-1__Address"] = Options.ReferralAddress;
        Gateway = ChildProcess.Start("gateway", RepositoryLayout.BuiltAssembly("gateway/Mash.Gateway", "Mash.Gateway"), environment, _echo);
        await Readiness.WaitForHttpAsync(Gateway, Options.GatewayHttpAddress + "/healthz", StartTimeout);
    }

    public async Task StartReferralAsync()
    {
        var environment = CommonEnvironment();
        environment["Kestrel__Endpoints__http__Url"] = Options.ReferralAddress;
        Referral = ChildProcess.Start("referral", RepositoryLayout.BuiltAssembly("services/Mash.Referral", "Mash.Referral"), environment, _echo);
        await Readiness.WaitForGrpcHealthAsync(Referral, Options.ReferralAddress, StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Referral is not null)
        {
            await Referral.DisposeAsync();
        }

        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
    }

    private Dictionary<string, string> CommonEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = Options.Environment,
            ["DOTNET_ENVIRONMENT"] = Options.Environment,
            ["Mash__DataDirectory"] = Options.NodeDataDirectory,
            ["Mash__Node__Id"] = Options.NodeId,
            ["Mash__Node__Agency"] = Options.Agency,
            ["Mash__Node__Area"] = Options.Area,
            ["Mash__Partnership__ChildKeySecret"] = Options.PartnershipSecret,
            ["Mash__Auth__LocalIssuer__Issuer"] = Options.GatewayAddress + "/",
            ["Mash__Auth__LocalIssuer__MetadataAddress"] = Options.GatewayHttpAddress + "/.well-known/openid-configuration",
        };
        foreach (var (key, value) in Options.Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }
}
