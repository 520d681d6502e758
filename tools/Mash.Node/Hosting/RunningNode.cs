using System.Text.Json;

namespace Mash.Node.Hosting;

/// <summary>A node's processes: the gateway and each service, each a real process.</summary>
public sealed class RunningNode : IAsyncDisposable
{
    private readonly TextWriter? _echo;
    private readonly Dictionary<string, ChildProcess> _services = [];

    private RunningNode(NodeOptions options, TextWriter? echo)
    {
        Options = options;
        _echo = echo;
    }

    public NodeOptions Options { get; }
    public ChildProcess Gateway { get; private set; } = null!;
    public IEnumerable<ChildProcess> Processes => _services.Values.Prepend(Gateway).Where(p => p is not null);

    public ChildProcess Service(ServiceSpec service) => _services[service.Name];

    public static async Task<RunningNode> StartAsync(NodeOptions options, TextWriter? echo = null)
    {
        var node = new RunningNode(options, echo);
        try
        {
            await node.StartGatewayAsync();
            // The services start together: each waits only for its own readiness.
            await Task.WhenAll(ServiceSpec.All.Select(node.StartAsync));
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
        foreach (var service in ServiceSpec.All)
        {
            environment[$"ReverseProxy__Clusters__{service.Name}__Destinations__{service.Name}-1__Address"] = Options.AddressOf(service);
        }

        if (Options.Tls is { } tls)
        {
            environment["Mash__Gateway__Tls__CertificatePath"] = tls.CertificatePath;
            environment["Mash__Gateway__Tls__KeyPath"] = tls.KeyPath;
        }

        Gateway = ChildProcess.Start($"{Options.NodeId}/gateway", RepositoryLayout.BuiltAssembly("gateway/Mash.Gateway", "Mash.Gateway"), environment, _echo);
        await Readiness.WaitForHttpAsync(Gateway, Options.GatewayHttpAddress + "/healthz", Options.StartTimeout, Options.Tls?.CertificatePath);
        // Tells the CLI which node folder (and so which client secrets) belongs to which gateway.
        await File.WriteAllTextAsync(Path.Combine(Options.NodeDataDirectory, "node.json"), JsonSerializer.Serialize(new
        {
            Options.NodeId,
            Options.Agency,
            Options.GatewayAddress,
            TokenEndpoint = Options.GatewayHttpAddress + "/connect/token",
            TlsCertificate = Options.Tls?.CertificatePath,
        }));
    }

    /// <summary>Starts (or restarts, after a kill) one service and waits until it is serving.</summary>
    public async Task StartAsync(ServiceSpec service) => await StartAsync(service, new Dictionary<string, string>());

    /// <summary>As <see cref="StartAsync(ServiceSpec)"/>, with settings for this start only (fault injection in tests).</summary>
    public async Task StartAsync(ServiceSpec service, IReadOnlyDictionary<string, string> settings)
    {
        var environment = CommonEnvironment();
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        environment["Kestrel__Endpoints__http__Url"] = Options.AddressOf(service);
        var process = ChildProcess.Start($"{Options.NodeId}/{service.Name}", RepositoryLayout.BuiltAssembly(service.ProjectFolder, service.AssemblyName), environment, _echo);
        lock (_services)
        {
            _services[service.Name] = process;
        }

        await Readiness.WaitForGrpcHealthAsync(process, Options.AddressOf(service), Options.StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _services.Values)
        {
            await process.DisposeAsync();
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
            [$"Mash__Partnership__FrontDoors__{Options.Area}"] = Options.FrontDoorNode ?? Options.NodeId,
            ["Mash__Auth__LocalIssuer__Issuer"] = Options.GatewayAddress + "/",
            ["Mash__Auth__LocalIssuer__MetadataAddress"] = Options.GatewayHttpAddress + "/.well-known/openid-configuration",
            ["Mash__Eventing__Transport"] = "Local",
            ["Mash__Eventing__LocalPath"] = Options.EventBusPath,
        };
        if (Options.LocalAuthorityNode is { } localAuthority)
        {
            environment[$"Mash__Custody__Areas__{Options.Area}__LocalAuthorityNode"] = localAuthority;
        }

        if (Options.Tls is { } tls)
        {
            // Services fetch the local issuer's keys from the gateway, now over TLS.
            environment["Mash__Auth__LocalIssuer__TrustedCertificatePath"] = tls.CertificatePath;
        }

        foreach (var (key, value) in Options.Agreements.SelectMany((agreement, index) => agreement.Settings(index)).Concat(Options.Settings))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }
}
