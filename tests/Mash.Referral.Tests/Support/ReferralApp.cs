using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Referral.Data;
using Mash.Testing.Eventing;
using Mash.Testing.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Tests.Support;

/// <summary>
/// The Referral service in memory with its real database, trusting <see cref="TestTokens"/>, on a clock
/// the test moves, with a <see cref="RecordingTransport"/> for a broker. By default it is the social care
/// node that runs the MASH front door of every area the tests use; <see cref="Referrer"/> is a police
/// node whose referrals go to that front door.
/// </summary>
internal sealed class ReferralApp : ServiceApp<Program, ReferralDbContext>
{
    public const string FrontDoorNode = "local-social-care";
    public const string PoliceNode = "local-police";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Areas = ["default", "surrey", "merton"];

    private readonly string _nodeId;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="dataDirectory">The data directory, or null for a new temporary one.</param>
    /// <param name="tokens">The tokens to trust, or null for the app's own.</param>
    /// <param name="nodeId">This node: the front door unless named.</param>
    /// <param name="settings">Configuration over the node's and the front doors'.</param>
    public ReferralApp(string? dataDirectory = null, TestTokens? tokens = null, string nodeId = FrontDoorNode, IReadOnlyDictionary<string, string>? settings = null)
        : base(nodeId, MondayMorning, "mash-referral-tests-", dataDirectory, tokens)
    {
        _nodeId = nodeId;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>The front door on a new database of the test assembly's PostgreSQL server (disposed with the app).</summary>
    public static ReferralApp WithPostgreSql(string nodeId = FrontDoorNode)
    {
        PostgresServer.Require();
        var app = new ReferralApp(nodeId: nodeId);
        app.UsePostgreSql(ReferralServiceSetup.DatabaseName);
        return app;
    }

    /// <summary>A police node: its referrals are kept as the referrer's copy and sent to <see cref="FrontDoorNode"/>.</summary>
    public static ReferralApp Referrer(TestTokens? tokens = null) => new(tokens: tokens, nodeId: PoliceNode);

    public string NodeId => _nodeId;

    protected override string DefaultClientId => "police-mash";
    protected override string DefaultAgency => AgencyNames.Police;
    protected override IEnumerable<string> DefaultRoles => MashRoles.Referral;
    protected override string CallerPurpose => "MASH screening";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Mash:Node:Agency", _nodeId == FrontDoorNode ? AgencyNames.ChildrenSocialCare : AgencyNames.Police);
        foreach (var area in Areas)
        {
            builder.UseSetting($"Mash:Partnership:FrontDoors:{area}", FrontDoorNode);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public ReferralService.ReferralServiceClient Client() => new(Channel);

    /// <summary>The platform's DeliveryService, for what this node's Referral service shared.</summary>
    public DeliveryService.DeliveryServiceClient Deliveries() => new(Channel);

    public Task<int> CountReferralsAsync() => WithDbAsync(db => db.Referrals.CountAsync());

    /// <summary>The events this node sent (its outbox, as the relay would publish it).</summary>
    public Task<List<EventEnvelope>> SentAsync(string topic) => WithDbAsync(async db =>
        (await db.Set<Platform.Eventing.Outbox.OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => EventEnvelope.Parser.ParseFrom(m.Envelope)).ToList());

    /// <summary>Carries the events <paramref name="from"/> sent on <paramref name="topic"/> since the last carry to this node, in order.</summary>
    public async Task<List<RecordedDelivery>> CarryFromAsync(ReferralApp from, string topic)
    {
        var sent = await from.SentAsync(topic);
        var deliveries = new List<RecordedDelivery>();
        var carried = _carried.GetValueOrDefault((from, topic));
        foreach (var envelope in sent.Skip(carried))
        {
            deliveries.Add(await DeliverAsync(topic, envelope));
        }

        _carried[(from, topic)] = sent.Count;
        return deliveries;
    }

    private readonly Dictionary<(ReferralApp, string), int> _carried = [];
}

/// <summary>Events as the topics carry them, for the tests' assertions.</summary>
internal static class SentEvents
{
    public static T Payload<T>(this EventEnvelope envelope) where T : Google.Protobuf.IMessage<T>, new() => envelope.Payload.Unpack<T>();

}
