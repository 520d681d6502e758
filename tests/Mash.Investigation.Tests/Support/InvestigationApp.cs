using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Investigation.V1;
using Mash.Investigation.Data;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Investigation.Tests.Support;

/// <summary>
/// The Investigation service of a police node in memory (its real SQLite file, or PostgreSQL, on a clock the test
/// moves, a recording broker); partners' CSE flags and strategy decisions are delivered as the broker would.
/// </summary>
public class InvestigationApp : ServiceApp<Program, InvestigationDbContext>
{
    public const string NodeId = "west-mercia-police";
    public const string PartnerNode = "worcestershire-social-care";
    public const string PartnershipSecret = "test-partnership-secret";
    /// <summary>Monday 23 November 2026, 10:00 in London (GMT).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyDictionary<string, string> _settings;

    public InvestigationApp(IReadOnlyDictionary<string, string>? settings = null) : base(NodeId, Start, "mash-investigation-tests-") =>
        _settings = settings ?? new Dictionary<string, string>();

    protected override string DefaultClientId => "police-supervisor";
    protected override string DefaultAgency => AgencyNames.Police;
    protected override IEnumerable<string> DefaultRoles =>
        [MashRoles.InvestigationWrite, MashRoles.InvestigationSupervise, MashRoles.InvestigationRead, MashRoles.InvestigationAudit];
    protected override string CallerPurpose => "Child protection investigation";
    protected override string CallerLawfulBasis => "LAWFUL_BASIS_LAW_ENFORCEMENT";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Mash:Node:Agency", AgencyNames.Police);
        builder.UseSetting(Platform.Identity.PartnershipSecret.Key, PartnershipSecret);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected void UseItsPostgreSql() => UsePostgreSql("investigation");

    internal InvestigationService.InvestigationServiceClient Client() => new(Channel);

    /// <summary>One look for stalls, as the watch does every few minutes; answers how many investigations' stalls changed.</summary>
    internal async Task<int> LookForStallsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Application.StallReports>().SendChangesAsync(CancellationToken.None);
    }

    /// <summary>The events this node sent on a topic (its outbox), oldest first.</summary>
    public Task<List<EventEnvelope>> SentAsync(string topic) => WithDbAsync(async db =>
        (await db.Set<Platform.Eventing.Outbox.OutboxMessage>().Where(m => m.Topic == topic).OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => EventEnvelope.Parser.ParseFrom(m.Envelope)).ToList());

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static Timestamp At(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static string Key() => Guid.NewGuid().ToString("N");

    public static ChildIdentity Child(string givenName, string nhsNumber = "9434765919") => new()
    {
        NhsNumber = nhsNumber, GivenName = givenName, FamilyName = "Example", DateOfBirth = new Date { Year = 2010, Month = 5, Day = 1 }, Sex = Sex.Female,
    };

    public Task<Contracts.Investigation.V1.Investigation> OpenAsync(ChildIdentity child, DateTime openedAt, string? key = null) =>
        Client().OpenInvestigationAsync(new OpenInvestigationRequest
        {
            IdempotencyKey = key ?? Key(), Children = { child }, Source = new InvestigationSource { Kind = SourceKind.CseFlag, Id = "flg_1" },
            Summary = "A 47-year-old man contacting her on Facebook", OpenedAt = At(openedAt),
        }, As()).ResponseAsync;

    public Task<Contracts.Investigation.V1.Investigation> PlanAsync(string id, StepKind kind, DateTime plannedAt, DateTime targetAt) =>
        Client().PlanStepAsync(new PlanStepRequest
        {
            InvestigationId = id, IdempotencyKey = Key(), Kind = kind, PlannedAt = At(plannedAt), TargetAt = At(targetAt),
        }, As()).ResponseAsync;

    public Task<Device> SeizeAsync(string id, DateTime at, DevicePriority priority = DevicePriority.High) =>
        Client().RecordDeviceSeizedAsync(new RecordDeviceSeizedRequest
        {
            InvestigationId = id, IdempotencyKey = Key(), Type = DeviceType.Phone, Owner = DeviceOwner.Victim, Priority = priority, SeizedAt = At(at),
        }, As()).ResponseAsync;

    public Task<Device> ProgressAsync(string deviceId, DeviceStage stage, DateTime at) =>
        Client().RecordDeviceProgressAsync(new RecordDeviceProgressRequest { DeviceId = deviceId, IdempotencyKey = Key(), Stage = stage, At = At(at) }, As()).ResponseAsync;

    /// <summary>A CSE flag at <paramref name="risk"/> on the child, raised at a partner node (or this one), as the broker delivers it.</summary>
    public Task<RecordedDelivery> FlagAsync(ChildIdentity child, string flagId, CseRisk risk, FlagAction action = FlagAction.Raised, string origin = PartnerNode) =>
        DeliverAsync(Topics.CseFlags, Envelopes.For(new CseFlagChanged
        {
            FlagId = flagId, Action = action, Risk = risk, ChangedAt = At(Now), ChangedBy = "social-care-mash",
        }, ChildKey(child), origin, Agency.ChildrenSocialCare, Clock.GetUtcNow(), LawfulBasis.SafeguardingOfChildren));
}

/// <summary>The same service on PostgreSQL.</summary>
public sealed class InvestigationPostgreSqlApp : InvestigationApp
{
    public InvestigationPostgreSqlApp(IReadOnlyDictionary<string, string>? settings = null) : base(settings) => UseItsPostgreSql();
}
