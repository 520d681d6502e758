using Mash.Platform.Eventing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Mash.Testing.Eventing;
using Mash.Testing.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Testing;

/// <summary>
/// A service of a police node in memory, with its real SQLite file in a temporary directory, in Development,
/// trusting <see cref="TestTokens"/>, on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// Each service's app names its node, its callers' default roles and purpose, and its gRPC client.
/// </summary>
public abstract class ServiceApp<TEntryPoint, TDbContext> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
    where TDbContext : MashDbContext
{
    private readonly string _nodeId;
    private readonly bool _ownsTokens;
    private GrpcChannel? _channel;
    private PostgresDatabase? _postgres;
    private string _databaseName = "";
    private readonly SemaphoreSlim _startGate = new(1, 1);

    /// <param name="nodeId">This node's id.</param>
    /// <param name="start">Where the clock starts.</param>
    /// <param name="dataDirectoryPrefix">The prefix of the temporary data directory made when none is given.</param>
    /// <param name="dataDirectory">The data directory, or null for a new temporary one (removed when the test process exits).</param>
    /// <param name="tokens">The tokens to trust, or null for the app's own (disposed with it).</param>
    protected ServiceApp(string nodeId, DateTimeOffset start, string dataDirectoryPrefix, string? dataDirectory = null, TestTokens? tokens = null)
    {
        _nodeId = nodeId;
        DataDirectory = dataDirectory ?? TempDataDirectories.Create(dataDirectoryPrefix);
        _ownsTokens = tokens is null;
        Tokens = tokens ?? new TestTokens();
        Clock = new FakeTimeProvider(start);
    }

    public string DataDirectory { get; }

    /// <summary>Whether the service runs on PostgreSQL (a database of its own) rather than its SQLite file.</summary>
    public bool OnPostgreSql => _postgres is not null;
    public TestTokens Tokens { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingTransport Transport { get; } = new();

    /// <summary>The client a caller is unless named.</summary>
    protected virtual string DefaultClientId => "social-care-mash";

    /// <summary>The agency a caller is of unless named.</summary>
    protected virtual string DefaultAgency => AgencyNames.ChildrenSocialCare;

    /// <summary>The roles a caller holds unless named.</summary>
    protected abstract IEnumerable<string> DefaultRoles { get; }

    /// <summary>The node this service shares with, under the one agreement it runs with (<see cref="TestAgreements"/>).</summary>
    protected virtual string SharingPartnerNode => TestAgreements.PartnerOf(_nodeId);

    /// <summary>The purpose a caller states.</summary>
    protected abstract string CallerPurpose { get; }

    /// <summary>The lawful basis a caller states.</summary>
    protected virtual string CallerLawfulBasis => "LAWFUL_BASIS_PUBLIC_TASK";

    /// <summary>One channel over the test server, for the service's client.</summary>
    protected GrpcChannel Channel =>
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>The platform's ServiceFigures: this service's part of the node's figures (role Figures.Read).</summary>
    public Contracts.Figures.V1.ServiceFigures.ServiceFiguresClient Figures() => new(Channel);

    /// <summary>A partnership board member's call: figures only.</summary>
    public Metadata AsBoard() => As("partnership-board", AgencyNames.Other, MashRoles.FiguresRead);

    /// <summary>
    /// Runs the service on a new database of the test assembly's PostgreSQL server. Without a
    /// server nothing changes here: the tests call <see cref="PostgresServer.Require"/> first,
    /// which skips them (or fails them in CI) before the app is used.
    /// </summary>
    protected void UsePostgreSql(string databaseName)
    {
        if (PostgresServer.Shared.Available)
        {
            _postgres = PostgresServer.Shared.CreateDatabaseAsync("mash_" + databaseName).GetAwaiter().GetResult();
            _databaseName = databaseName;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", DataDirectory);
        if (_postgres is not null)
        {
            builder.UseSetting(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:" + _databaseName, _postgres.ConnectionString);
        }

        builder.UseSetting("Mash:Node:Id", _nodeId);
        builder.UseSetting("Mash:Node:Agency", AgencyNames.Police);
        foreach (var (key, value) in TestAgreements.With(SharingPartnerNode))
        {
            builder.UseSetting(key, value);
        }

        ConfigureSettings(builder);

        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMessageTransport>(Transport);
        });
    }

    /// <summary>Further configuration, after the node's and before the tokens and test services.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>A caller's metadata: its token (the app's default client, agency and roles unless named) and a stated purpose.</summary>
    public Metadata As(string? clientId = null, string? agency = null, params string[] roles) => new()
    {
        { "authorization", "Bearer " + Tokens.Mint(clientId ?? DefaultClientId, agency ?? DefaultAgency, roles.Length > 0 ? roles : DefaultRoles) },
        { "x-mash-purpose", CallerPurpose },
        { "x-mash-lawful-basis", CallerLawfulBasis },
    };

    /// <summary>A caller's metadata whose token carries more claims than client, agency and roles (a school's URN).</summary>
    public Metadata AsWithClaims(string clientId, string agency, IReadOnlyDictionary<string, object> claims, params string[] roles) => new()
    {
        { "authorization", "Bearer " + Tokens.Mint(clientId, agency, roles, moreClaims: claims) },
        { "x-mash-purpose", CallerPurpose },
        { "x-mash-lawful-basis", CallerLawfulBasis },
    };

    public string ChildKey(ChildIdentity child) => Services.GetRequiredService<ChildKeyHasher>().KeyFor(child);

    public async Task<T> WithDbAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>An event delivered through the service's consumer.</summary>
    public Task<RecordedDelivery> DeliverAsync(string topic, EventEnvelope envelope, int deliveryCount = 1) =>
        DeliverAsync(
            new TransportMessage(envelope.EventId, topic, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray()), deliveryCount);

    private async Task<RecordedDelivery> DeliverAsync(TransportMessage message, int deliveryCount = 1)
    {
        // The host, and with it the consumer, is started: once, however many deliveries race to be first
        // (the factory's own start is not thread-safe, and two hosts would migrate one database at once).
        // The others wait without holding a thread: on two cores, a dozen pool threads blocked here starve
        // the start itself, until its first database connection times out.
        await _startGate.WaitAsync();
        try
        {
            _ = Services;
        }
        finally
        {
            _startGate.Release();
        }

        return await Transport.DeliverAsync(message, deliveryCount);
    }

    /// <summary>Events delivered together, as a relay sends a run of events of a topic applied in any order.</summary>
    public Task<RecordedDelivery> DeliverBatchAsync(string topic, params EventEnvelope[] envelopes)
    {
        var batch = new EventBatch { Events = { envelopes } };
        var first = envelopes[0];
        return DeliverAsync(new TransportMessage("batch-" + first.EventId, topic, first.ChildKey, EventBatches.MessageType, first.OriginNode, batch.ToByteArray()));
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        if (_ownsTokens)
        {
            Tokens.Dispose();
        }

        base.Dispose(disposing);
        _postgres?.Dispose();
        _startGate.Dispose();
    }
}
