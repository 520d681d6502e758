using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Referral;
using Mash.Referral.Data;
using Mash.Referral.Grpc;
using Mash.Referral.Application;
using Mash.Referral.IntegrationEvents;
using Mash.Platform.ServiceDefaults;

if (await HealthProbe.RunIfAskedAsync(args) is { } health)
{
    return health; // --check-health: the image's HEALTHCHECK asks the running service, then exits
}

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-referral", MashRoles.Referral);
builder.AddReferralService();

var app = builder.Build();
if (await app.MigrateDatabaseAsync<ReferralDbContext>() is { } exitCode)
{
    return exitCode; // --migrate-only: the schema step of a deployment, then exit
}

app.UseMashServiceDefaults();
app.MapGrpcService<ReferralGrpcService>();
app.MapMashEventing();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
