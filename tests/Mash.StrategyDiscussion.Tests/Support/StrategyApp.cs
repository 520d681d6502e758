using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.StrategyDiscussion.Data;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mash.StrategyDiscussion.Tests.Support;

/// <summary>
/// The StrategyDiscussion service of a police node in memory, with its real SQLite file, trusting
/// <see cref="TestTokens"/>, on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public sealed class StrategyApp : WebApplicationFactory<Program>
{
    public const string NodeId = "local-police";
    public const string Purpose = "MASH strategy discussion";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("mash-strategy-tests-").FullName;
    private GrpcChannel? _channel;

    internal TestTokens Tokens { get; } = new();
    public FakeTimeProvider Clock { get; } = new(MondayMorning);
    internal RecordingTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", _dataDirectory);
        builder.UseSetting("Mash:Node:Id", NodeId);
        builder.UseSetting("Mash:Node:Agency", AgencyNames.Police);
        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMessageTransport>(Transport);
        });
    }

    internal StrategyDiscussionService.StrategyDiscussionServiceClient Client()
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new StrategyDiscussionService.StrategyDiscussionServiceClient(_channel);
    }

    /// <summary>A caller's metadata: its token (every Strategy role unless named) and a stated purpose.</summary>
    internal Metadata As(string clientId = "social-care-mash", string agency = AgencyNames.ChildrenSocialCare, params string[] roles) => new()
    {
        { "authorization", "Bearer " + Tokens.Mint(clientId, agency, roles.Length > 0 ? roles : MashRoles.Strategy) },
        { "x-mash-purpose", Purpose },
        { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
    };

    public string ChildKey(ChildIdentity child) => Services.GetRequiredService<ChildKeyHasher>().KeyFor(child);

    internal async Task<T> WithDbAsync<T>(Func<StrategyDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<StrategyDbContext>());
    }

    /// <summary>This node's Assessment service saying a discussion is required, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverTriggerAsync(StrategyDiscussionTriggered trigger) =>
        DeliverAsync(Topics.StrategyTriggers, Envelope(trigger, ChildKey(trigger.Child), NodeId, Agency.Police));

    /// <summary>A partner node's concluded discussion about the child, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverPartnerAsync(StrategyDiscussionConcluded concluded, ChildIdentity child, string originNode, Agency originAgency) =>
        DeliverAsync(Topics.StrategyDiscussions, Envelope(concluded, ChildKey(child), originNode, originAgency));

    private Task<RecordedDelivery> DeliverAsync(string topic, EventEnvelope envelope)
    {
        _ = Services; // the host, and with it the consumer, is started
        return Transport.DeliverAsync(new TransportMessage(envelope.EventId, topic, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray()));
    }

    private EventEnvelope Envelope(IMessage payload, string childKey, string originNode, Agency agency) => new()
    {
        EventId = "evt_" + Guid.NewGuid().ToString("N"),
        Type = payload.Descriptor.FullName,
        OriginNode = originNode,
        OriginAgency = agency,
        OccurredAt = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
        SchemaVersion = 1,
        LawfulBasis = LawfulBasis.SafeguardingOfChildren,
        ChildKey = childKey,
        Payload = Any.Pack(payload),
        Purpose = "Safeguarding the child",
    };

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        Tokens.Dispose();
        base.Dispose(disposing);
    }
}
