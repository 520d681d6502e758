using Mash.Contracts.Events.V1;
using Mash.Custody.Application;
using Mash.Custody.Application.Encompass;
using Mash.Custody.Domain.Encompass;
using Mash.Custody.IntegrationEvents.Encompass;
using Mash.Custody.Data;
using Mash.Custody.Domain;
using Mash.Custody.IntegrationEvents;
using Mash.Custody.Telemetry;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;

namespace Mash.Custody;

internal static class CustodyServiceSetup
{
    public const string DatabaseName = "custody";
    public const string ServiceName = "custody";

    public static WebApplicationBuilder AddCustodyService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<CustodyDbContext>(DatabaseName);
        // Every node runs both halves: a police node's detentions ask its area's local authority node,
        // which answers; each takes in only what is addressed to it.
        builder.AddMashEventing(ServiceName)
            .Handle<JuvenileDetained, JuvenileDetainedHandler>(Topics.CustodyRequests, EventOrigin.OtherNodes)
            .Handle<AccommodationRequested, AccommodationRequestedHandler>(Topics.CustodyRequests, EventOrigin.OtherNodes)
            .Handle<LookedAfterStatusReported, LookedAfterStatusReportedHandler>(Topics.CustodyAnswers, EventOrigin.OtherNodes)
            .Handle<AccommodationAnswered, AccommodationAnsweredHandler>(Topics.CustodyAnswers, EventOrigin.OtherNodes)
            // Operation Encompass, the same two halves: notifications to the local authority node, updates back.
            .Handle<DomesticAbuseNotified, DomesticAbuseNotifiedHandler>(Topics.EncompassNotifications, EventOrigin.OtherNodes)
            .Handle<SchoolNotificationUpdated, SchoolNotificationUpdatedHandler>(Topics.EncompassUpdates, EventOrigin.OtherNodes)
            // Partners' receipts for what this service sent them, and who opened it there.
            .Handle<DeliveryReceipt, DeliveryReceiptHandler>(Topics.DeliveryReceipts, EventOrigin.OtherNodes)
            .Handle<RecordAccessed, AccessNoticeHandler>(Topics.AccessNotices, EventOrigin.OtherNodes);

        var services = builder.Services;
        services.AddOptions<CustodyOptions>()
            .Bind(builder.Configuration.GetSection(CustodyOptions.Section))
            .Validate(o => o.IsUsable(), $"{CustodyOptions.Section}: each area's hours are above 0 and within a day or two, the secure accommodation age 10 to 17, and the overnight window not empty.")
            .ValidateOnStart();
        services.AddSingleton<CustodyRules>();
        services.AddOptions<EncompassOptions>()
            .Bind(builder.Configuration.GetSection(EncompassOptions.Section))
            .Validate(o => o.IsUsable(), $"{EncompassOptions.Section}: each area's school ages 2 to 18 (the maximum not below the minimum), at most 100 school holidays, each ending on or after its start and at most 366 days long.")
            .ValidateOnStart();
        services.AddSingleton<SchoolCalendars>();
        services.AddScoped<EncompassEvents>();
        services.AddScoped<IncidentCommands>();
        services.AddScoped<IncidentQueries>();
        services.AddScoped<SchoolNotificationCommands>();
        services.AddScoped<SchoolNotificationQueries>();
        services.AddScoped<CustodyStore>();
        services.AddScoped<DetentionCommand>();
        services.AddScoped<CustodyEvents>();
        services.AddScoped<DetentionCommands>();
        services.AddScoped<WelfareCommands>();
        services.AddScoped<LocalAuthorityCommands>();
        services.AddScoped<DetentionQueries>();
        services.AddScoped<LocalAuthorityQueries>();
        services.AddRefreshedGauges<CustodyMetrics>();
        services.AddScoped<IChildRecordExporter, CustodyExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, CustodyFigures>();
        return builder;
    }
}
