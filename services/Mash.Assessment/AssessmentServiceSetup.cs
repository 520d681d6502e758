using Mash.Platform.Eventing.Governance;
using Mash.Assessment.Data;
using Mash.Assessment.Domain;
using Mash.Assessment.IntegrationEvents;
using Mash.Assessment.Telemetry;
using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.Assessment.Application;
using Mash.Assessment.Application.Missing;
using Mash.Assessment.Domain.Missing;

namespace Mash.Assessment;

internal static class AssessmentServiceSetup
{
    public const string DatabaseName = "assessment";
    public const string ServiceName = "assessment";

    public static WebApplicationBuilder AddAssessmentService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<AssessmentDbContext>(DatabaseName);
        builder.AddMashEventing(ServiceName)
            // Assessments open when this node's MASH decides a referral; partners' flags and risk changes are kept beside ours.
            .Handle<ReferralDecided, ReferralDecidedHandler>(Topics.Referrals, EventOrigin.ThisNode)
            .Handle<ReferralReceived, ReferralReceivedHandler>(Topics.Referrals, EventOrigin.ThisNode)
            .Handle<CseFlagChanged, PartnerCseFlagChangedHandler>(Topics.CseFlags, EventOrigin.OtherNodes)
            .Handle<RiskLevelChanged, PartnerRiskLevelChangedHandler>(Topics.RiskChanges, EventOrigin.OtherNodes)
            // This node's investigations of high-risk children that have stalled, for the daily list.
            .Handle<InvestigationStallsChanged, InvestigationStallsChangedHandler>(Topics.InvestigationStalls, EventOrigin.ThisNode)
            // The strategy discussions about each child this node knows of, for the child's risk profile.
            .Handle<StrategyDiscussionRecorded, StrategyDiscussionRecordedHandler>(Topics.StrategyRecords, EventOrigin.ThisNode)
            // The children this node's other services recorded, to name them on the daily list where only partners shared something.
            .Handle<ChildRecorded, KnownChildrenHandler>(Topics.ChildRecords, EventOrigin.ThisNode)
            // Partners' missing episodes and their updates, in order per child.
            .Handle<MissingEpisodeReported, PartnerMissingEpisodes>(Topics.MissingEpisodes, EventOrigin.OtherNodes)
            .Handle<MissingRiskRegraded, PartnerMissingEpisodes>(Topics.MissingEpisodes, EventOrigin.OtherNodes)
            .Handle<MissingChildReturned, PartnerMissingEpisodes>(Topics.MissingEpisodes, EventOrigin.OtherNodes)
            .Handle<ReturnInterviewRecorded, PartnerMissingEpisodes>(Topics.MissingEpisodes, EventOrigin.OtherNodes)
            .Handle<PhilomenaProfileReleased, PartnerMissingEpisodes>(Topics.MissingEpisodes, EventOrigin.OtherNodes)
            // Partners' receipts for what this service shared with them.
            .Handle<DeliveryReceipt, DeliveryReceiptHandler>(Topics.DeliveryReceipts, EventOrigin.OtherNodes)
            // Partner nodes tell it who opened what it shared.
            .Handle<RecordAccessed, AccessNoticeHandler>(Topics.AccessNotices, EventOrigin.OtherNodes);

        var services = builder.Services;
        services.Configure<AssessmentTimescalesOptions>(builder.Configuration.GetSection(AssessmentTimescalesOptions.Section));
        services.AddOptions<CseScreeningOptions>()
            .Bind(builder.Configuration.GetSection(CseScreeningOptions.Section))
            .Validate(o => o.Problem() is null, "Mash:Assessment:CseScreening is not a usable scoring table.")
            .ValidateOnStart();
        services.AddSingleton<AssessmentTimescales>();
        services.AddSingleton<CseScreeningTool>();
        services.AddScoped<PartnerRiskStore>();
        services.AddScoped<AssessmentQueries>();
        services.AddScoped<AssessmentCommands>();
        services.AddRefreshedGauges<AssessmentMetrics>();
        services.AddScoped<CseScreeningCommands>();
        services.AddScoped<CseFlagCommands>();
        services.AddScoped<RiskProfileQueries>();
        services.AddScoped<Mash.Platform.Eventing.Governance.IChildRecordExporter, AssessmentExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, AssessmentFigures>();
        services.AddOptions<MissingOptions>()
            .Bind(builder.Configuration.GetSection(MissingOptions.Section))
            .Validate(o => o.IsUsable(), $"{MissingOptions.Section}: the interview within 14 days, at most 50 episodes in a window of 1 to 366 days, the recent window within 7 days.")
            .ValidateOnStart();
        services.AddSingleton<MissingSettings>();
        services.AddScoped<MissingEpisodeStore>();
        services.AddScoped<MissingPatternsCheck>();
        services.AddScoped<MissingCommands>();
        services.AddScoped<InterviewReferrals>();
        services.AddScoped<MissingQueries>();
        services.AddScoped<PhilomenaProfiles>();
        services.AddScoped<PhilomenaCommands>();
        return builder;
    }
}
