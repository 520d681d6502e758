using System.Text.Json;

namespace Mash.Node.Hosting;

/// <summary>
/// A node's processes: the gateway and each service, each a real process (<see cref="StartAsync(NodeOptions, TextWriter?)"/>,
/// as a deployment runs them and the fault tests kill them), or all of them in one host process
/// (<see cref="StartInOneProcessAsync"/>, the embedded default: one runtime, its JIT work and mapped files shared).
/// </summary>
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
    public IEnumerable<ChildProcess> Processes => _services.Values.Prepend(Gateway).Where(p => p is not null).Distinct();

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

    /// <summary>
    /// The gateway and every service in one process (tools/Mash.Node.Host), each its own web application on its
    /// own port, with the settings it would have had as a process of its own. Ready when every one answers.
    /// </summary>
    public static async Task<RunningNode> StartInOneProcessAsync(NodeOptions options, TextWriter? echo = null)
    {
        var node = new RunningNode(options, echo);
        try
        {
            var apps = ServiceSpec.All
                .Select(service => new { service.Name, Args = AsArguments(service.ProjectFolder, service.AssemblyName, node.ServiceSettings(service, new Dictionary<string, string>())) })
                .Prepend(new { Name = "gateway", Args = AsArguments("gateway/Mash.Gateway", "Mash.Gateway", node.GatewaySettings()) });
            Directory.CreateDirectory(options.NodeDataDirectory);
            var file = Path.Combine(options.NodeDataDirectory, "node-host.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(apps));
            var host = ChildProcess.Start($"{options.NodeId}/host", RepositoryLayout.NodeHostAssembly(),
                node.CommonEnvironment(), echo, [file]);
            node.Gateway = host;
            foreach (var service in ServiceSpec.All)
            {
                node._services[service.Name] = host;
            }

            await node.GatewayReadyAsync();
            await Task.WhenAll(ServiceSpec.All.Select(s => Readiness.WaitForGrpcHealthAsync(host, options.AddressOf(s), options.StartTimeout)));
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>An application's settings as its command line in the host: its own content root, then Section:Key=value.</summary>
    private static string[] AsArguments(string projectFolder, string assemblyName, Dictionary<string, string> settings) =>
    [
        "--contentRoot=" + Path.GetDirectoryName(RepositoryLayout.BuiltAssembly(projectFolder, assemblyName)),
        .. settings.Select(s => $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}"),
    ];

    public async Task StartGatewayAsync()
    {
        var environment = CommonEnvironment();
        foreach (var (key, value) in GatewaySettings())
        {
            environment[key] = value;
        }

        Gateway = ChildProcess.Start($"{Options.NodeId}/gateway", RepositoryLayout.BuiltAssembly("gateway/Mash.Gateway", "Mash.Gateway"), environment, _echo);
        await GatewayReadyAsync();
    }

    /// <summary>The gateway's own settings, beside the node's: its endpoints, each service's address, its certificate.</summary>
    private Dictionary<string, string> GatewaySettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = Options.GatewayAddress,
            ["Kestrel__Endpoints__Http__Url"] = Options.GatewayHttpAddress,
        };
        foreach (var service in ServiceSpec.All)
        {
            settings[$"ReverseProxy__Clusters__{service.Name}__Destinations__{service.Name}-1__Address"] = Options.AddressOf(service);
        }

        if (Options.Tls is { } tls)
        {
            settings["Mash__Gateway__Tls__CertificatePath"] = tls.CertificatePath;
            settings["Mash__Gateway__Tls__KeyPath"] = tls.KeyPath;
        }

        return settings;
    }

    private async Task GatewayReadyAsync()
    {
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
        foreach (var (key, value) in ServiceSettings(service, settings))
        {
            environment[key] = value;
        }

        var process = ChildProcess.Start($"{Options.NodeId}/{service.Name}", RepositoryLayout.BuiltAssembly(service.ProjectFolder, service.AssemblyName), environment, _echo);
        lock (_services)
        {
            _services[service.Name] = process;
        }

        await Readiness.WaitForGrpcHealthAsync(process, Options.AddressOf(service), Options.StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes.ToList())
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>A service's own settings, beside the node's: its endpoint, and any given for this start.</summary>
    private Dictionary<string, string> ServiceSettings(ServiceSpec service, IReadOnlyDictionary<string, string> settings)
    {
        var own = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        own["Kestrel__Endpoints__http__Url"] = Options.AddressOf(service);
        return own;
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
