using Google.Protobuf;
using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Support;

/// <summary>
/// The Assessment service in memory with its real SQLite file, trusting <see cref="TestTokens"/>,
/// running on a clock the test moves, with a <see cref="RecordingTransport"/> for a broker.
/// </summary>
public class AssessmentApp : ServiceApp<Program, AssessmentDbContext>
{
    public const string NodeId = "local-police";
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public AssessmentApp() : this(null)
    {
    }

    internal AssessmentApp(string? dataDirectory, TestTokens? tokens = null, IReadOnlyDictionary<string, string>? settings = null, string nodeId = NodeId)
        : base(nodeId, MondayMorning, "mash-assessment-tests-", dataDirectory, tokens)
    {
        Settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>Configuration over appsettings.json, as environment variables would give it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Every Assessment role unless named.</summary>
    protected override IEnumerable<string> DefaultRoles => MashRoles.Assessment;
    protected override string CallerPurpose => "MASH assessment";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    internal AssessmentService.AssessmentServiceClient Client() => new(Channel);

    internal Contracts.Missing.V1.MissingService.MissingServiceClient Missing() => new(Channel);

    /// <summary>Opens the assessment of a referred child (received now, decided for an assessment) and gives its id.</summary>
    internal async Task<string> StartAssessmentAsync(ChildIdentity? child = null, DateTimeOffset? receivedAt = null)
    {
        var referral = Samples.Referral(child, receivedAt ?? Clock.GetUtcNow());
        var delivery = await DeliverReferralAsync(referral);
        Assert.Equal("completed", delivery.Settlement);
        return await WithDbAsync(db => EntityFrameworkQueryableExtensions.SingleAsync(
            db.Assessments.Where(a => a.ReferralId == referral.ReferralId).Select(a => a.Id)));
    }

    /// <summary>This node's Referral service raising ReferralDecided, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverReferralAsync(ReferralDecided referral, string? eventId = null) =>
        DeliverAsync(Topics.Referrals, Envelope(referral, ChildKey(referral.Child), NodeId, Agency.Police, Clock.GetUtcNow(), LawfulBasis.PublicTask, eventId));

    /// <summary>A partner node's event about the child, delivered through the consumer.</summary>
    internal Task<RecordedDelivery> DeliverPartnerAsync(
        string topic, IMessage payload, ChildIdentity child, string originNode, Agency agency, DateTimeOffset occurredAt,
        LawfulBasis basis = LawfulBasis.SafeguardingOfChildren, string? eventId = null) =>
        DeliverAsync(topic, Envelope(payload, ChildKey(child), originNode, agency, occurredAt, basis, eventId));

    internal static EventEnvelope Envelope(
        IMessage payload, string childKey, string originNode, Agency agency, DateTimeOffset occurredAt, LawfulBasis basis, string? eventId = null) =>
        Envelopes.For(payload, childKey, originNode, agency, occurredAt, basis, eventId);
}

/// <summary>The same service on a database of its own on the test assembly's PostgreSQL server.</summary>
public sealed class AssessmentPostgreSqlApp : AssessmentApp
{
    public AssessmentPostgreSqlApp() => UsePostgreSql("assessment");
}
