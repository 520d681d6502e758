using Mash.Contracts.Events.V1;
using Google.Protobuf;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Audit;
using Mash.Platform.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mash.Platform.Persistence;
using Microsoft.Extensions.Hosting;
using Mash.Platform.Eventing.Telemetry;

namespace Mash.Platform.Eventing;

/// <summary>
/// Integration events for a service: the outbox relay, the transport (registered by the
/// service defaults, which choose it), and the
/// consumers of the events it handles (<see cref="Handle{TEvent,THandler}"/>).
/// </summary>
public sealed class MashEventingBuilder(IServiceCollection services, EventHandlerRegistry registry)
{
    public MashEventingBuilder Handle<TEvent, THandler>(string topic, EventOrigin origin)
        where TEvent : IMessage<TEvent>, new()
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        registry.Add<TEvent, THandler>(topic, origin);
        services.AddScoped<THandler>();
        return this;
    }
}

public static class MashEventing
{
    public static MashEventingBuilder AddMashEventing(this WebApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(EventingOptions.Section);
        var configured = section.Get<EventingOptions>();
        if (builder.Environment.IsProduction() && configured is { PauseBeforeSettle.Ticks: > 0 })
        {
            throw new InvalidOperationException("Mash:Eventing:PauseBeforeSettle is fault injection for tests; it is refused in Production.");
        }

        if (configured is { EventsPerBatchMessage: < 1 or > EventBatches.MaxEvents } batches)
        {
            throw new InvalidOperationException(
                $"Mash:Eventing:EventsPerBatchMessage must be from 1 to {EventBatches.MaxEvents}; it is {batches.EventsPerBatchMessage}.");
        }

        services.Configure<EventingOptions>(section);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxCommitInterceptor>());
        services.AddScoped<MashDbContext>(sp => (MashDbContext)sp.GetRequiredService<AuditedDbContext>());
        services.AddAgreements(builder.Configuration);
        services.AddScoped<EventOutbox>();
        services.AddScoped<ChildRecords>();
        services.AddSingleton<OutboxLeadership>();
        services.AddHostedService<OutboxRelay>();

        var registry = new EventHandlerRegistry();
        services.AddSingleton(registry);
        services.AddSingleton(new ConsumerIdentity(serviceName));
        services.AddSingleton<EventConsumer>();
        services.AddScoped<ConsumedEvent>();
        services.AddHostedService(sp => sp.GetRequiredService<EventConsumer>());
        services.AddMetrics();
        services.AddSingleton<EventingMetrics>();
        services.AddRefreshedGauges<EventingGauges>();
        services.AddScoped<Receipts.DeliveryReceipts>();
        services.AddOptions<Receipts.ReceiptOptions>()
            .Bind(builder.Configuration.GetSection(Receipts.ReceiptOptions.Section))
            .Validate(o => o.ExpectedWithinWorkingHours > 0, "Mash:Receipts:ExpectedWithinWorkingHours must be positive.")
            .ValidateOnStart();
        // Every service that shares records hears who at partner nodes read them.
        services.AddScoped<IAuditedCallObserver, AccessNoticeSender>();
        services.AddOptions<GovernanceOptions>()
            .Bind(builder.Configuration.GetSection(GovernanceOptions.Section))
            .Validate(o => o.RecordsPerAccessNotice is >= 1 and <= GovernanceOptions.MaxRecordsPerAccessNotice,
                $"Mash:Governance:RecordsPerAccessNotice must be 1 to {GovernanceOptions.MaxRecordsPerAccessNotice}.")
            .ValidateOnStart();
        services.AddScoped<GovernanceQueries>();
        services.AddScoped<ChildRecordsExport>();
        services.Configure<Figures.FiguresOptions>(builder.Configuration.GetSection(Figures.FiguresOptions.Section));
        return new MashEventingBuilder(services, registry);
    }

    /// <summary>
    /// Serves mash.events.v1.DeadLetterService for the subscriptions of this service, DeliveryService
    /// for what it shared, mash.governance.v1.ServiceGovernance for its part of the node's governance answers, and
    /// mash.figures.v1.ServiceFigures for its part of the node's figures (its <see cref="Figures.IFiguresContributor"/>s).
    /// </summary>
    public static WebApplication MapMashEventing(this WebApplication app)
    {
        app.MapGrpcService<DeadLetters.DeadLetterGrpcService>();
        app.MapGrpcService<Receipts.DeliveryGrpcService>();
        app.MapGrpcService<ServiceGovernanceGrpcService>();
        app.MapGrpcService<Figures.ServiceFiguresGrpcService>();
        return app;
    }
}
