using Mash.Investigation;
using Mash.Investigation.Data;
using Mash.Investigation.Grpc;
using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.ServiceDefaults;

if (await HealthProbe.RunIfAskedAsync(args) is { } health)
{
    return health; // --check-health: the image's HEALTHCHECK asks the running service, then exits
}

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-investigation", MashRoles.Investigation);
builder.AddInvestigationService();

var app = builder.Build();
if (await app.MigrateDatabaseAsync<InvestigationDbContext>() is { } exitCode)
{
    return exitCode; // --migrate-only: the schema step of a deployment, then exit
}

app.UseMashServiceDefaults();
app.MapGrpcService<InvestigationGrpcService>();
app.MapMashEventing();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
