using Mash.Node.Hosting;
using Mash.Testing.Nodes;
using Mash.Testing.Postgres;
using Npgsql;

namespace Mash.Bench.Hosting;

/// <summary>
/// The nodes a run starts: real processes built in this tool's configuration, on free ports of
/// 127.0.0.1, with data in a private temporary folder deleted at the end. Every process started
/// is kept so its memory and start time can be reported.
/// </summary>
/// <param name="shape">Whether nodes run in one host process (the launcher's default) or a process per application.</param>
public sealed class BenchNodes(IReadOnlyDictionary<string, string> extraSettings, NodeShape shape = NodeShape.AsRun) : IAsyncDisposable
{
    private const string Secret = "benchmark-partnership-secret";
    private static readonly string[] Databases = ["referral", "assessment", "strategy", "offender", "custody", "investigation"];
    private readonly string _data = Directory.CreateTempSubdirectory("mash-bench-").FullName;
    private readonly List<RunningNode> _nodes = [];
    private readonly List<NodeClient> _clients = [];
    private readonly List<PostgresDatabase> _databases = [];
    // Started on first use: a server that flushes every commit, unlike the tests' (see PrivateCluster).
    private readonly Lazy<PostgresServer> _durableServer = new(PostgresServer.StartDurable);

    public IReadOnlyList<RunningNode> Nodes => _nodes;

    /// <summary>One police node on SQLite (the default provider).</summary>
    /// <param name="stopsServices">
    /// The scenario stops and starts single services (to fill a database while its service is down): only a process per
    /// application allows that, whatever the run's shape.
    /// </param>
    public async Task<NodeClient> StartSqliteAsync(string name, bool stopsServices = false) =>
        await StartAsync(
            new NodeOptions { NodeId = name, GatewayPort = FreePorts.NodeBase(), DataDirectory = Path.Combine(_data, name), PartnershipSecret = Secret },
            !stopsServices && InOneProcess(sqlite: true));

    /// <summary>The durability settings of the server <see cref="StartPostgresAsync"/> uses, as it reports them.</summary>
    public Task<string> PostgresDurabilityAsync() => _durableServer.Value.DurabilityAsync();

    /// <summary>
    /// One police node whose services keep their data in PostgreSQL, a database each on a private server
    /// that flushes every commit to disk as a production server does (or the one MASH_TEST_POSTGRES names).
    /// </summary>
    public async Task<NodeClient> StartPostgresAsync(string name)
    {
        var server = _durableServer.Value;
        if (!server.Available)
        {
            throw new InvalidOperationException("PostgreSQL is not available: " + server.UnavailableReason);
        }

        var settings = new Dictionary<string, string> { ["Mash:Database:Provider"] = "PostgreSql" };
        foreach (var database in Databases)
        {
            var created = await server.CreateDatabaseAsync("bench_" + database);
            _databases.Add(created);
            // The tests keep pools small for many databases; one node may use what a service would in production.
            settings["ConnectionStrings:" + database] = new NpgsqlConnectionStringBuilder(created.ConnectionString) { MaxPoolSize = 100 }.ConnectionString;
        }

        return await StartAsync(new NodeOptions
        {
            NodeId = name, GatewayPort = FreePorts.NodeBase(), DataDirectory = Path.Combine(_data, name), PartnershipSecret = Secret, Settings = settings,
        }, InOneProcess(sqlite: false));
    }

    /// <summary>
    /// A police node and a social care node sharing the local event bus, a process per application: the scenarios on them
    /// stop single services to fill their databases.
    /// </summary>
    public async Task<(NodeClient Police, NodeClient SocialCare)> StartPoliceAndSocialCareAsync()
    {
        var options = NodeOptions.PoliceAndSocialCare(FreePorts.NodeBase(nodes: 2), Path.Combine(_data, "two-nodes"), Secret);
        var started = await Task.WhenAll(options.Select(o => StartAsync(o, inOneProcess: false)));
        return (started[0], started[1]);
    }

    /// <summary>The same two nodes as the launcher's default: each node's gateway and services in one host process, started at once.</summary>
    public async Task<(NodeClient Police, NodeClient SocialCare)> StartPoliceAndSocialCareInOneProcessAsync()
    {
        var options = NodeOptions.PoliceAndSocialCare(FreePorts.NodeBase(nodes: 2), Path.Combine(_data, "default"), Secret);
        var started = await Task.WhenAll(options.Select(o => StartAsync(o, inOneProcess: true)));
        return (started[0], started[1]);
    }

    /// <summary>Stops a node's processes once its scenario is done, so they do not take the cores from the next one.</summary>
    public async Task StopAsync(NodeClient client)
    {
        await client.Node.DisposeAsync();
        lock (_nodes)
        {
            _nodes.Remove(client.Node);
        }
    }

    private bool InOneProcess(bool sqlite) => shape == NodeShape.OneProcess || (shape == NodeShape.AsRun && sqlite);

    private async Task<NodeClient> StartAsync(NodeOptions options, bool inOneProcess)
    {
        var settings = new Dictionary<string, string>(options.Settings)
        {
            // Capacity is measured, not the per-agency policy (500/s by default) that caps one partner.
            ["Mash:Gateway:RateLimit:PermitsPerSecond"] = "1000000",
            ["Mash:Gateway:RateLimit:Burst"] = "1000000",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var node = inOneProcess
            ? await RunningNode.StartInOneProcessAsync(options with { Settings = settings })
            : await RunningNode.StartAsync(options with { Settings = settings });
        var client = new NodeClient(node);
        lock (_nodes)
        {
            _nodes.Add(node);
            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        TempFolders.Delete(_data);
    }
}
