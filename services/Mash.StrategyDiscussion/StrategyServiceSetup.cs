using Mash.Platform.Eventing.Governance;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.IntegrationEvents;
using Mash.StrategyDiscussion.Telemetry;
using Mash.StrategyDiscussion.Application;

namespace Mash.StrategyDiscussion;

internal static class StrategyServiceSetup
{
    public const string DatabaseName = "strategy";
    public const string ServiceName = "strategy";

    public static WebApplicationBuilder AddStrategyDiscussionService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<StrategyDbContext>(DatabaseName);
        builder.AddMashEventing(ServiceName)
            // Required by this node's assessments, CSE flags and referral decisions; partners' discussions arrive from the nodes that hold them.
            .Handle<StrategyDiscussionTriggered, StrategyDiscussionTriggeredHandler>(Topics.StrategyTriggers, EventOrigin.ThisNode)
            .Handle<StrategyDiscussionConcluded, PartnerDiscussionConcludedHandler>(Topics.StrategyDiscussions, EventOrigin.OtherNodes)
            // Discussions partners hold that this node's agency must attend: their clocks run here too.
            .Handle<StrategyDiscussionOutstanding, PartnerDiscussionOutstandingHandler>(Topics.StrategyDiscussions, EventOrigin.OtherNodes)
            // The children this node's other services recorded, to name them on partners' discussions.
            .Handle<ChildRecorded, KnownChildrenHandler>(Topics.ChildRecords, EventOrigin.ThisNode)
            // Partners' receipts for what this service shared with them.
            .Handle<DeliveryReceipt, DeliveryReceiptHandler>(Topics.DeliveryReceipts, EventOrigin.OtherNodes)
            // Partner nodes tell it who opened what it shared.
            .Handle<RecordAccessed, AccessNoticeHandler>(Topics.AccessNotices, EventOrigin.OtherNodes);

        var services = builder.Services;
        services.AddOptions<StrategyTimescalesOptions>()
            .Bind(builder.Configuration.GetSection(StrategyTimescalesOptions.Section))
            .Validate(o => o.Areas.Values.All(a => a.DiscussionDueWorkingHours > 0 && a.ImmediateProtectionDueHours > 0),
                "Mash:Strategy:Timescales: DiscussionDueWorkingHours and ImmediateProtectionDueHours must be positive.")
            .ValidateOnStart();
        services.AddSingleton<StrategyTimescales>();
        services.AddSingleton<DiscussionFactory>();
        services.AddScoped<DiscussionQueries>();
        services.AddScoped<OverdueQueries>();
        services.AddScoped<RequirementCommands>();
        services.AddScoped<DiscussionCommands>();
        services.AddScoped<DiscussionSharing>();
        services.AddScoped<PartnerDiscussionCopies>();
        services.AddScoped<DiscussionViews>();
        services.AddRefreshedGauges<StrategyMetrics>();
        services.AddScoped<Mash.Platform.Eventing.Governance.IChildRecordExporter, DiscussionExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, StrategyFigures>();
        return builder;
    }
}
