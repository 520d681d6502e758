using Mash.Platform.Eventing;
using Mash.Platform.Persistence;
using Mash.Platform.Telemetry;
using Mash.Referral.Data;
using Mash.Referral.Domain;
using Mash.Referral.Grpc;
using Mash.Referral.Telemetry;

namespace Mash.Referral;

internal static class ReferralServiceSetup
{
    public const string DatabaseName = "referral";

    public static WebApplicationBuilder AddReferralService(this WebApplicationBuilder builder)
    {
        builder.AddMashPersistence<ReferralDbContext>(DatabaseName);
        builder.AddMashEventing("referral");
        builder.Services.AddHealthChecks().AddDbContextCheck<ReferralDbContext>();
        builder.Services.Configure<ReferralTimescalesOptions>(builder.Configuration.GetSection(ReferralTimescalesOptions.Section));
        builder.Services.AddSingleton<ReferralTimescales>();
        builder.Services.AddScoped<SubmitReferralHandler>();
        builder.Services.AddScoped<ReferralQueue>();
        builder.Services.AddScoped<ScreeningAndDecisionHandler>();
        builder.Services.AddRefreshedGauges<ReferralMetrics>();
        return builder;
    }
}
