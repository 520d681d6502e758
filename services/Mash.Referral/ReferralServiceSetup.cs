using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Governance;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.IntegrationEvents;
using Mash.Referral.Telemetry;
using Microsoft.Extensions.Options;
using Mash.Referral.Application;

namespace Mash.Referral;

internal static class ReferralServiceSetup
{
    public const string DatabaseName = "referral";
    public const string ServiceName = "referral";

    public static WebApplicationBuilder AddReferralService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<ReferralDbContext>(DatabaseName);
        var eventing = builder.AddMashEventing(ServiceName)
            // The front door reports back on every referral this node sent it.
            .Handle<ReferralProgressReported, ReferralProgressReportedHandler>(Topics.ReferralOutcomes, EventOrigin.OtherNodes)
            // Partner nodes tell it who opened what it shared.
            .Handle<RecordAccessed, AccessNoticeHandler>(Topics.AccessNotices, EventOrigin.OtherNodes)
            // Other services of this node ask for referrals in their callers' names (a return interview's findings).
            .Handle<ReferralRequested, ReferralRequestedHandler>(Topics.ReferralRequests, EventOrigin.ThisNode);
        if (FrontDoorsOf(builder.Configuration).AnyHere)
        {
            // Only a node that runs an area's MASH front door takes other nodes' referrals in.
            eventing.Handle<ReferralSentToFrontDoor, ReferralSentToFrontDoorHandler>(Topics.FrontDoorReferrals, EventOrigin.OtherNodes);
        }

        var services = builder.Services;
        services.Configure<ReferralTimescalesOptions>(builder.Configuration.GetSection(ReferralTimescalesOptions.Section));
        services.Configure<PartnershipOptions>(builder.Configuration.GetSection(PartnershipOptions.Section));
        services.AddSingleton(sp => new FrontDoors(
            sp.GetRequiredService<IOptions<PartnershipOptions>>().Value.FrontDoors, sp.GetRequiredService<IOptions<MashNodeOptions>>().Value.Id));
        services.AddSingleton<ReferralTimescales>();
        services.AddSingleton<ReferralFactory>();
        services.AddScoped<ReferralIntake>();
        services.AddScoped<SubmissionCommands>();
        services.AddScoped<ReferralQueries>();
        services.AddScoped<ScreeningCommands>();
        services.AddHostedService<DecisionBackfill>();
        services.AddRefreshedGauges<ReferralMetrics>();
        services.AddScoped<Mash.Platform.Eventing.Governance.IChildRecordExporter, ReferralExport>();
        services.AddScoped<Mash.Platform.Eventing.Figures.IFiguresContributor, ReferralFigures>();
        return builder;
    }

    private static FrontDoors FrontDoorsOf(ConfigurationManager configuration) => new(
        configuration.GetSection(PartnershipOptions.Section).Get<PartnershipOptions>()?.FrontDoors ?? [],
        configuration.GetSection(MashNodeOptions.Section).Get<MashNodeOptions>()?.Id ?? new MashNodeOptions().Id);
}
