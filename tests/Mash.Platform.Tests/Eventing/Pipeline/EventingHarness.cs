using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Time;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.Platform.Tests.Audit;
using Mash.Platform.Tests.Support;
using Mash.Testing.Eventing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Tests.Eventing.Pipeline;

/// <summary>A service's eventing in miniature: a real database (SQLite or PostgreSQL), the platform's outbox, relay and consumer.</summary>
internal sealed class EventingHarness : IDisposable
{
    public const string NodeId = "test-social-care";
    public const string PartnerNode = "test-police";

    /// <summary>The one partner this service shares with: every category, in force through the tests.</summary>
    public static readonly SharingAgreement PartnerAgreement = new(
        "TEST-ISA", PartnerNode, Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Unspecified).ToHashSet(),
        Mash.Contracts.Common.V1.LawfulBasis.PublicTask, new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31));

    private readonly bool _ownsDatabase;

    /// <summary>A service's eventing on a new database of the provider.</summary>
    public EventingHarness(DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(TestDatabase.Create(provider), ownsDatabase: true)
    {
    }

    /// <summary>Another replica of a service, on the database of the first.</summary>
    public EventingHarness(TestDatabase database, bool ownsDatabase = false)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<EventingMetrics>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddDbContext<AuditTestDb>((sp, options) => options
            .UseMashDatabase(database.Provider, database.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<MashDbContext>(sp => sp.GetRequiredService<AuditTestDb>());
        services.AddSingleton<IMashDbContextFactory>(sp => new Factory(database, sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddSingleton<OutboxLeadership>();
        services.AddSingleton<AuditCommitQueue>();
        services.AddScoped<CallAudit>();
        services.AddScoped<ConsumedEvent>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<EventOutbox>();
        services.AddSingleton(Identity);
        services.AddOptions();
        services.AddSingleton<WorkingCalendars>();
        services.AddSingleton<ServiceClock>();
        services.AddSingleton(new AgreementRegistry([PartnerAgreement], warningDays: 30));
        services.AddScoped<NoteFromFlag>();
        services.AddSingleton(Behaviour);
        services.Configure<MashNodeOptions>(o => { });
        services.AddSingleton(Options.Create(new MashNodeOptions { Id = NodeId, Agency = "children-social-care" }));
        Services = services.BuildServiceProvider();
        Registry.Add<CseFlagChanged, NoteFromFlag>(Topics.CseFlags, EventOrigin.OtherNodes);
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public RecordingTransport Transport { get; } = new();
    public HandlerBehaviour Behaviour { get; } = new();
    public EventHandlerRegistry Registry { get; } = new();

    public OutboxRelay Relay(EventingOptions? options = null, TimeProvider? time = null) => new(
        Services.GetRequiredService<IMashDbContextFactory>(), Services.GetRequiredService<AuditCommitQueue>(), Transport, Services.GetRequiredService<OutboxSignal>(),
        Services.GetRequiredService<OutboxLeadership>(), Options.Create(options ?? new EventingOptions()), time ?? TimeProvider.System, NullLogger<OutboxRelay>.Instance,
        Services.GetRequiredService<EventingMetrics>());

    public EventConsumer Consumer() => new(
        Transport, Registry, Services.GetRequiredService<IServiceScopeFactory>(), Services.GetRequiredService<IOptions<MashNodeOptions>>(),
        Options.Create(new EventingOptions()), Identity, TimeProvider.System, NullLogger<EventConsumer>.Instance, Services.GetRequiredService<EventingMetrics>());

    public ConsumerIdentity Identity { get; } = new("assessment");

    /// <summary>The eventing gauges of this service, on the given clock.</summary>
    public EventingGauges Gauges(TimeProvider time) => new(
        Services.GetRequiredService<IMeterFactory>(), Transport, Registry, Identity, Services.GetRequiredService<IOptions<MashNodeOptions>>(), time);

    public async Task<T> QueryAsync<T>(Func<AuditTestDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AuditTestDb>());
    }

    public void Dispose()
    {
        Services.Dispose();
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
    }

    private sealed class Factory(TestDatabase database, OutboxCommitInterceptor interceptor) : IMashDbContextFactory
    {
        public AuditedDbContext Create() => database.Open(interceptor);
    }
}

/// <summary>A handler that turns a partner's flag into a note; it can be told to fail.</summary>
internal sealed class NoteFromFlag(AuditTestDb db, CallAudit audit, HandlerBehaviour behaviour) : IIntegrationEventHandler<CseFlagChanged>
{
    public Task HandleAsync(EventEnvelope envelope, CseFlagChanged payload, CancellationToken cancellationToken)
    {
        if (behaviour.Unprocessable || envelope.EventId == behaviour.RefusedEventId)
        {
            throw new UnprocessableEventException("FlagForUnknownChild", "no such child");
        }

        behaviour.SeenTraceId = Activity.Current?.TraceId;
        db.Notes.Add(new CaseNote { Id = Math.Abs(envelope.EventId.GetHashCode(StringComparison.Ordinal)), Text = payload.Reason });
        audit.Touch(envelope.ChildKey, "partner:" + envelope.EventId);
        if (behaviour.Fail || envelope.EventId == behaviour.FailingEventId)
        {
            throw new InvalidOperationException("database briefly unavailable");
        }

        return Task.CompletedTask;
    }
}

internal sealed class HandlerBehaviour
{
    public bool Fail { get; set; }
    public bool Unprocessable { get; set; }
    /// <summary>The one event the handler refuses as unprocessable, or fails on, when set.</summary>
    public string? RefusedEventId { get; set; }
    public string? FailingEventId { get; set; }
    /// <summary>The trace the handler last ran in.</summary>
    public ActivityTraceId? SeenTraceId { get; set; }
}
