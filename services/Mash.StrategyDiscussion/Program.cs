using Mash.Platform.Auth;
using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.StrategyDiscussion;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Grpc;
using Mash.StrategyDiscussion.Application;
using Mash.StrategyDiscussion.IntegrationEvents;
using Mash.Platform.ServiceDefaults;

if (await HealthProbe.RunIfAskedAsync(args) is { } health)
{
    return health; // --check-health: the image's HEALTHCHECK asks the running service, then exits
}

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-strategy", MashRoles.Strategy);
builder.AddStrategyDiscussionService();

var app = builder.Build();
if (await app.MigrateDatabaseAsync<StrategyDbContext>() is { } exitCode)
{
    return exitCode; // --migrate-only: the schema step of a deployment, then exit
}

app.UseMashServiceDefaults();
app.MapGrpcService<StrategyGrpcService>();
app.MapMashEventing();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
