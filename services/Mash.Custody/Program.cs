using Mash.Custody;
using Mash.Custody.Data;
using Mash.Custody.Grpc;
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
builder.AddMashServiceDefaults("mash-custody", MashRoles.Custody);
builder.AddCustodyService();

var app = builder.Build();
if (await app.MigrateDatabaseAsync<CustodyDbContext>() is { } exitCode)
{
    return exitCode; // --migrate-only: the schema step of a deployment, then exit
}

app.UseMashServiceDefaults();
app.MapGrpcService<CustodyGrpcService>();
app.MapGrpcService<EncompassGrpcService>();
app.MapMashEventing();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
