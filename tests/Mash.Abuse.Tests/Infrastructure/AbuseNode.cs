using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Infrastructure;

/// <summary>
/// One real node (gateway and six services as processes on loopback) shared by every abuse
/// test class, with Mash's own loggers at Debug so the privacy tests read the most talkative
/// output the services can produce.
/// </summary>
public sealed class AbuseNode : IAsyncLifetime
{
    private NodeClient _client = null!;

    public RunningNode Node => _client.Node;
    public NodeOptions Options => _client.Options;
    public NodeClient Client => _client;
    public ForgedTokens Tokens { get; private set; } = null!;
    public RawGrpc Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("mash-abuse-").FullName;
        var options = new NodeOptions
        {
            GatewayPort = FreePorts.NodeBase(),
            DataDirectory = data,
            PartnershipSecret = "abuse-test-partnership-secret",
            Settings = new Dictionary<string, string>
            {
                ["Logging:LogLevel:Mash"] = "Debug",
                ["Logging:Console:FormatterName"] = "simple",
                // The tests send ~2,000 calls in seconds from one agency; the limiter has its own tests.
                ["Mash:Gateway:RateLimit:PermitsPerSecond"] = "100000",
                ["Mash:Gateway:RateLimit:Burst"] = "100000",
                // The slow-body tests wait this long for each answer.
                ["Mash:Gateway:RequestBodyTimeoutSeconds"] = "3",
            },
        };
        _client = new NodeClient(await RunningNode.StartAsync(options with { StartTimeout = TestNodeStart.Timeout }));
        Tokens = new ForgedTokens(options);
        Raw = new RawGrpc();
        Memory.Before(RunningProcesses());
    }

    public MemoryReport Memory { get; } = new();

    private IEnumerable<(string Name, int Id)> RunningProcesses() =>
        Node.Processes.Where(p => !p.HasExited).Select(p => (p.Name, p.Id));

    public string GatewayAddress => Options.GatewayAddress;

    public string AddressOf(ServiceSpec service) => Options.AddressOf(service);

    /// <summary>
    /// Where a gRPC service is served without the proxy in front: its service process, or for the
    /// node's GovernanceService and FiguresService the gateway itself (which composes the services' answers).
    /// </summary>
    public string DirectAddressOf(string grpcService) =>
        grpcService is "mash.governance.v1.GovernanceService" or "mash.figures.v1.FiguresService" ? GatewayAddress : AddressOf(HostOf(grpcService));

    /// <summary>The service process that hosts a gRPC service (DeadLetterService: assessment's by default).</summary>
    public static ServiceSpec HostOf(string grpcService) => grpcService switch
    {
        _ when grpcService.StartsWith("mash.referral.", StringComparison.Ordinal) => ServiceSpec.Referral,
        _ when grpcService.StartsWith("mash.assessment.", StringComparison.Ordinal) => ServiceSpec.Assessment,
        // MissingService has no process of its own: the Assessment service hosts it.
        _ when grpcService.StartsWith("mash.missing.", StringComparison.Ordinal) => ServiceSpec.Assessment,
        _ when grpcService.StartsWith("mash.strategy.", StringComparison.Ordinal) => ServiceSpec.Strategy,
        _ when grpcService.StartsWith("mash.offender.", StringComparison.Ordinal) => ServiceSpec.Offender,
        _ when grpcService.StartsWith("mash.custody.", StringComparison.Ordinal) => ServiceSpec.Custody,
        // EncompassService has no process of its own: the Custody service hosts it.
        _ when grpcService.StartsWith("mash.encompass.", StringComparison.Ordinal) => ServiceSpec.Custody,
        _ when grpcService.StartsWith("mash.investigation.", StringComparison.Ordinal) => ServiceSpec.Investigation,
        _ => ServiceSpec.Assessment,
    };

    /// <summary>Every line any process of the node has written so far.</summary>
    public IEnumerable<(string Process, string Line)> Output() =>
        Node.Processes.SelectMany(p => p.Output.Select(line => (p.Name, line)));

    public void AssertAllProcessesRunning()
    {
        foreach (var process in Node.Processes)
        {
            Assert.False(process.HasExited, $"{process.Name} exited with {process.ExitCode}:\n{string.Join('\n', process.Output.TakeLast(20))}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            Memory.After(RunningProcesses());
        }

        Raw?.Dispose();
        _client?.Dispose();
        if (_client is not null)
        {
            await Node.DisposeAsync();
            TempFolders.Delete(Options.DataDirectory);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AbuseCollection : ICollectionFixture<AbuseNode>
{
    public const string Name = "abuse node";
}
