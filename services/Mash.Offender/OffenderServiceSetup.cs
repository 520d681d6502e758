using Mash.Platform.Eventing.Governance;
using Mash.Contracts.Events.V1;
using Mash.Offender.Data;
using Mash.Offender.Domain;
using Mash.Offender.IntegrationEvents;
using Mash.Offender.Telemetry;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.Offender.Application;

namespace Mash.Offender;

internal static class OffenderServiceSetup
{
    public const string DatabaseName = "offender";
    public const string ServiceName = "offender";

    public static WebApplicationBuilder AddOffenderService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<OffenderDbContext>(DatabaseName);
        // Publishes risk changes of linked children to partners' nodes; links a child to the offender a
        // CSE flag at this node names.
        builder.AddMashEventing(ServiceName)
            .Handle<CseFlagNamedOffender, CseFlagNamedOffenderHandler>(Topics.CseFlagOffenderLinks, EventOrigin.ThisNode)
            // Partners' receipts for the risk changes this service shared with them.
            .Handle<DeliveryReceipt, DeliveryReceiptHandler>(Topics.DeliveryReceipts, EventOrigin.OtherNodes)
            // Partner nodes tell it who opened what it shared.
            .Handle<RecordAccessed, AccessNoticeHandler>(Topics.AccessNotices, EventOrigin.OtherNodes);

        var services = builder.Services;
        services.AddOptions<VisitIntervalsOptions>()
            .Bind(builder.Configuration.GetSection(VisitIntervalsOptions.Section))
            .Validate(o => o.IsUsable(), $"{VisitIntervalsOptions.Section}: each interval is 0 (reactive) to {VisitIntervalsOptions.MaxWeeks} weeks.")
            .ValidateOnStart();
        services.AddSingleton<VisitSchedules>();
        services.AddScoped<OffenderStore>();
        services.AddScoped<OffenderEvents>();
        services.AddScoped<OffenderQueries>();
        services.AddScoped<NotificationBreachQueries>();
        services.AddScoped<OverdueVisitQueries>();
        services.AddScoped<MeasureQueries>();
        services.AddScoped<RegistrationCommands>();
        services.AddScoped<RiskCommands>();
        services.AddScoped<SupervisionCommands>();
        services.AddScoped<MeasureCommands>();
        services.AddRefreshedGauges<OffenderMetrics>();
        services.AddScoped<Mash.Platform.Eventing.Governance.IChildRecordExporter, OffenderLinkExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, OffenderFigures>();
        return builder;
    }
}
