using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Assessment.Tests.Support;

/// <summary>
/// The Assessment service in memory with its real SQLite file, trusting <see cref="TestTokens"/>,
/// running on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public sealed class AssessmentApp : WebApplicationFactory<Program>
{
    public const string NodeId = "local-police";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private GrpcChannel? _channel;

    public AssessmentApp() : this(null)
    {
    }

    internal AssessmentApp(string? dataDirectory, TestTokens? tokens = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("mash-assessment-tests-").FullName;
        Tokens = tokens ?? new TestTokens();
        Settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>Configuration over appsettings.json, as environment variables would give it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string DataDirectory { get; }
    internal TestTokens Tokens { get; }
    public FakeTimeProvider Clock { get; } = new(MondayMorning);
    internal RecordingTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", DataDirectory);
        builder.UseSetting("Mash:Node:Id", NodeId);
        builder.UseSetting("Mash:Node:Agency", AgencyNames.Police);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMessageTransport>(Transport);
        });
    }

    internal AssessmentService.AssessmentServiceClient Client()
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new AssessmentService.AssessmentServiceClient(_channel);
    }

    /// <summary>A caller's metadata: its token (every Assessment role unless named) and a stated purpose.</summary>
    internal Metadata As(string clientId = "social-care-mash", string agency = AgencyNames.ChildrenSocialCare, params string[] roles) => new()
    {
        { "authorization", "Bearer " + Tokens.Mint(clientId, agency, roles.Length > 0 ? roles : MashRoles.Assessment) },
        { "x-mash-purpose", "MASH assessment" },
        { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
    };

    /// <summary>Starts the assessment of a referred child (received now) and gives its id.</summary>
    internal async Task<string> StartAssessmentAsync(ChildIdentity? child = null, DateTimeOffset? receivedAt = null)
    {
        var referral = Samples.Referral(child, receivedAt ?? Clock.GetUtcNow());
        var delivery = await DeliverReferralAsync(referral);
        Assert.Equal("completed", delivery.Settlement);
        return await WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Assessments.Where(a => a.ReferralId == referral.ReferralId).Select(a => a.Id)));
    }

    public string ChildKey(ChildIdentity child) => Services.GetRequiredService<ChildKeyHasher>().KeyFor(child);

    internal async Task<T> WithDbAsync<T>(Func<AssessmentDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AssessmentDbContext>());
    }

    /// <summary>This node's Referral service raising ReferralReceived, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverReferralAsync(ReferralReceived referral, string? eventId = null) =>
        DeliverAsync(Topics.Referrals, Envelope(referral, ChildKey(referral.Child), NodeId, Agency.Police, Clock.GetUtcNow(), LawfulBasis.PublicTask, eventId));

    /// <summary>A partner node's event about the child, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverPartnerAsync(
        string topic, IMessage payload, ChildIdentity child, string originNode, Agency agency, DateTimeOffset occurredAt,
        LawfulBasis basis = LawfulBasis.SafeguardingOfChildren, string? eventId = null) =>
        DeliverAsync(topic, Envelope(payload, ChildKey(child), originNode, agency, occurredAt, basis, eventId));

    internal Task<RecordedDelivery> DeliverAsync(string topic, EventEnvelope envelope, int deliveryCount = 1)
    {
        _ = Services; // the host, and with it the consumer, is started
        return Transport.DeliverAsync(
            new TransportMessage(envelope.EventId, topic, envelope.ChildKey, envelope.Type, envelope.OriginNode, envelope.ToByteArray()), deliveryCount);
    }

    internal static EventEnvelope Envelope(
        IMessage payload, string childKey, string originNode, Agency agency, DateTimeOffset occurredAt, LawfulBasis basis, string? eventId = null) => new()
        {
            EventId = eventId ?? "evt_" + Guid.NewGuid().ToString("N"),
            Type = payload.Descriptor.FullName,
            OriginNode = originNode,
            OriginAgency = agency,
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
            SchemaVersion = 1,
            LawfulBasis = basis,
            ChildKey = childKey,
            Payload = Any.Pack(payload),
            Purpose = "Safeguarding the child",
        };

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
