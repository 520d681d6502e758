using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Custody.V1;
using Mash.Custody.Data;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Transport;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;

namespace Mash.Custody.Tests.Support;

/// <summary>
/// The Custody service of a police node in memory (its real SQLite file, on a clock the test moves,
/// a recording broker), asking <see cref="LocalAuthorityApp.NodeId"/> about looked-after status and accommodation.
/// </summary>
public class CustodyApp : ServiceApp<Program, CustodyDbContext>
{
    private readonly string _agency;

    protected CustodyApp(string nodeId, string agency, string? dataDirectory = null)
        : base(nodeId, Start, "mash-custody-tests-", dataDirectory) => _agency = agency;

    public const string NodeId = "west-mercia-police";
    public const string PartnershipSecret = "test-partnership-secret";
    /// <summary>Monday 23 November 2026, 10:00 in London (GMT).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public CustodyApp() : this(NodeId, AgencyNames.Police)
    {
    }

    protected override string DefaultClientId => "police-custody";
    protected override string DefaultAgency => _agency;
    protected override IEnumerable<string> DefaultRoles => [MashRoles.CustodyWrite, MashRoles.CustodyRead, MashRoles.CustodyReview];
    protected override string CallerPurpose => "Detention of a juvenile";
    protected override string CallerLawfulBasis => "LAWFUL_BASIS_LAW_ENFORCEMENT";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Mash:Node:Agency", _agency);
        builder.UseSetting(Platform.Identity.PartnershipSecret.Key, PartnershipSecret);
        builder.UseSetting("Mash:Custody:Areas:default:LocalAuthorityNode", LocalAuthorityApp.NodeId);
    }

    internal CustodyService.CustodyServiceClient Client() => new(Channel);

    internal Contracts.Encompass.V1.EncompassService.EncompassServiceClient Encompass() => new(Channel);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static Timestamp At(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>A juvenile with an NHS number, born <paramref name="born"/>.</summary>
    public static ChildIdentity Child(string givenName, DateOnly born, string nhsNumber = "9434765919") => new()
    {
        NhsNumber = nhsNumber,
        GivenName = givenName,
        FamilyName = "Example",
        DateOfBirth = new Date { Year = born.Year, Month = born.Month, Day = born.Day },
        Sex = Sex.Female,
    };

    public Task<Detention> OpenAsync(ChildIdentity child, DateTime arrested, string? key = null)
    {
        key ??= Key();
        return Client().OpenDetentionAsync(new OpenDetentionRequest
        {
            IdempotencyKey = key,
            Child = child,
            CustodyReference = "CUS-" + key[..Math.Min(8, key.Length)],
            CustodySuite = "Worcester",
            Offence = "Criminal damage at the children's home",
            ArrestedAt = At(arrested),
            ArrivedAt = At(arrested.AddMinutes(30)),
            DetentionAuthorisedAt = At(arrested.AddMinutes(45)),
        }, As()).ResponseAsync;
    }

    public Task<Detention> ChargeAsync(string detentionId, DateTime at) =>
        Client().RecordChargeAsync(new RecordChargeRequest { DetentionId = detentionId, IdempotencyKey = Key(), ChargedAt = At(at), Charges = "Criminal damage" }, As()).ResponseAsync;

    public Task<Detention> RefuseBailAsync(string detentionId, DateTime at, string noRequestReason = "") =>
        Client().RecordBailDecisionAsync(new RecordBailDecisionRequest
        {
            DetentionId = detentionId,
            IdempotencyKey = Key(),
            DecidedAt = At(at),
            Outcome = BailOutcome.Refused,
            RefusalGround = BailRefusalGround.HarmToOthers,
            NoRequestReason = noRequestReason,
        }, As()).ResponseAsync;

    public Task<Detention> ReleaseAsync(string detentionId, DateTime at, ReleaseOutcome outcome = ReleaseOutcome.TakenToCourt, string requestId = "") =>
        Client().RecordReleaseAsync(new RecordReleaseRequest { DetentionId = detentionId, IdempotencyKey = Key(), LeftAt = At(at), Outcome = outcome, AccommodationRequestId = requestId }, As()).ResponseAsync;

    public Task<Detention> AskForAppropriateAdultAsync(string detentionId, DateTime at) =>
        Client().RequestAppropriateAdultAsync(new RequestAppropriateAdultRequest { DetentionId = detentionId, IdempotencyKey = Key(), RequestedAt = At(at), Asked = AppropriateAdultKind.Parent }, As()).ResponseAsync;

    public Task<Detention> AttendedAsync(string detentionId, string adultId, DateTime at) =>
        Client().RecordAppropriateAdultAttendedAsync(new RecordAppropriateAdultAttendedRequest { DetentionId = detentionId, AppropriateAdultId = adultId, IdempotencyKey = Key(), AttendedAt = At(at) }, As()).ResponseAsync;

    public Task<Detention> ReviewAsync(string detentionId, DateTime at, bool asleep = false) =>
        Client().RecordReviewAsync(new RecordReviewRequest
        {
            DetentionId = detentionId, IdempotencyKey = Key(), ReviewedAt = At(at), Reviewer = "Insp A. Reviewer", Outcome = ReviewOutcome.DetentionContinued, ChildAsleep = asleep,
        }, As()).ResponseAsync;

    public Task<Detention> CertifyAsync(string detentionId, DateTime at, string reasonNoRequest = "") =>
        Client().IssueDetentionCertificateAsync(new IssueDetentionCertificateRequest
        {
            DetentionId = detentionId, IdempotencyKey = Key(), IssuedAt = At(at), ReasonTransferImpracticable = "No local authority place available tonight", ReasonNoRequest = reasonNoRequest,
        }, As()).ResponseAsync;

    /// <summary>The messages this node sent on a topic, in order.</summary>
    public IReadOnlyList<TransportMessage> SentOn(string topic) => [.. Transport.Sent.Where(m => m.Topic == topic)];

    public static string Key() => Guid.NewGuid().ToString("N");

    private readonly HashSet<string> _delivered = [];

    /// <summary>Waits until the outbox relay has sent <paramref name="count"/> events of <typeparamref name="T"/>'s type on the topic; the last of them.</summary>
    public async Task<TransportMessage> SentAsync<T>(string topic, int count = 1) where T : Google.Protobuf.IMessage<T>, new()
    {
        var type = new T().Descriptor.FullName;
        await Eventually.TrueAsync(() => SentOn(topic).Count(m => m.Type == type) >= count);
        return SentOn(topic).Last(m => m.Type == type);
    }

    /// <summary>Delivers, through this node's real consumer and in order, what <paramref name="sender"/> sent on the topic and this node has not had yet.</summary>
    public async Task<IReadOnlyList<RecordedDelivery>> TakeFromAsync(CustodyApp sender, string topic)
    {
        _ = Services;
        var deliveries = new List<RecordedDelivery>();
        foreach (var message in sender.SentOn(topic).Where(m => _delivered.Add(m.MessageId)))
        {
            deliveries.Add(await Transport.DeliverAsync(message));
        }

        return deliveries;
    }
}

/// <summary>The same police node's service on a database of its own on the test assembly's PostgreSQL server.</summary>
public sealed class CustodyPostgreSqlApp : CustodyApp
{
    public CustodyPostgreSqlApp() => UsePostgreSql("custody");
}

/// <summary>The Custody service of the local authority's node: the out-of-hours team's side.</summary>
public class LocalAuthorityApp : CustodyApp
{
    public new const string NodeId = "worcestershire-social-care";

    public LocalAuthorityApp() : base(NodeId, AgencyNames.ChildrenSocialCare)
    {
    }

    protected LocalAuthorityApp(string postgreSqlDatabase) : this() => UsePostgreSql(postgreSqlDatabase);

    /// <summary>The area's school calendar: the Christmas holidays of 2026, notifications held until term (the default rule).</summary>
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Mash:Encompass:Areas:default:SchoolHolidays:0:From", "2026-12-19");
        builder.UseSetting("Mash:Encompass:Areas:default:SchoolHolidays:0:To", "2027-01-03");
        builder.UseSetting("Mash:Encompass:Areas:default:SchoolHolidays:0:Name", "Christmas");
    }

    internal Metadata AsOutOfHours() => As("social-care-out-of-hours", AgencyNames.ChildrenSocialCare, MashRoles.CustodyAccommodate);
}

/// <summary>The local authority node's service on a database of its own on the test assembly's PostgreSQL server.</summary>
public sealed class LocalAuthorityPostgreSqlApp() : LocalAuthorityApp("custody");
