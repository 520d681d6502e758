using Mash.Contracts.Events.V1;
using Mash.Investigation.Application;
using Mash.Investigation.Data;
using Mash.Investigation.Domain;
using Mash.Investigation.IntegrationEvents;
using Mash.Investigation.Telemetry;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;

namespace Mash.Investigation;

internal static class InvestigationServiceSetup
{
    public const string DatabaseName = "investigation";
    public const string ServiceName = "investigation";

    public static WebApplicationBuilder AddInvestigationService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<InvestigationDbContext>(DatabaseName);
        // Which children are at high risk: every high CSE flag and s47 strategy decision, this node's and partners'.
        builder.AddMashEventing(ServiceName)
            .Handle<CseFlagChanged, HighRiskMarkHandlers>(Topics.CseFlags, EventOrigin.AnyNode)
            .Handle<StrategyDiscussionConcluded, HighRiskMarkHandlers>(Topics.StrategyDiscussions, EventOrigin.AnyNode);

        var services = builder.Services;
        services.AddOptions<InvestigationOptions>()
            .Bind(builder.Configuration.GetSection(InvestigationOptions.Section))
            .Validate(o => o.IsUsable(), $"{InvestigationOptions.Section}: StallCheckMinutes above 0 and at most a day; each area's days above 0 (reviews at most 180 days apart), team capacities not negative, one to 30 distinct audit criteria.")
            .ValidateOnStart();
        services.AddSingleton<InvestigationRules>();
        services.AddScoped<InvestigationStore>();
        services.AddScoped<InvestigationViews>();
        services.AddScoped<InvestigationCommands>();
        services.AddScoped<EvidenceCommands>();
        services.AddScoped<CaseAuditCommands>();
        services.AddScoped<InvestigationQueries>();
        services.AddScoped<EvidenceQueries>();
        services.AddScoped<StallReports>();
        services.AddHostedService<StallWatch>();
        services.AddRefreshedGauges<InvestigationMetrics>();
        services.AddScoped<IChildRecordExporter, InvestigationExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, InvestigationFigures>();
        return builder;
    }
}
