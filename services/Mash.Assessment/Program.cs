using Mash.Platform.Auth;
using Mash.Assessment;
using Mash.Assessment.Data;
using Mash.Assessment.Grpc;
using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Assessment.Application;
using Mash.Assessment.IntegrationEvents;
using Mash.Platform.ServiceDefaults;

if (await HealthProbe.RunIfAskedAsync(args) is { } health)
{
    return health; // --check-health: the image's HEALTHCHECK asks the running service, then exits
}

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-assessment", MashRoles.Assessment);
builder.AddAssessmentService();

var app = builder.Build();
if (await app.MigrateDatabaseAsync<AssessmentDbContext>() is { } exitCode)
{
    return exitCode; // --migrate-only: the schema step of a deployment, then exit
}

app.UseMashServiceDefaults();
app.MapGrpcService<AssessmentGrpcService>();
app.MapGrpcService<MissingGrpcService>();
app.MapMashEventing();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
