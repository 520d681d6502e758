using Mash.Platform.Auth;
using Mash.Assessment;
using Mash.Assessment.Data;
using Mash.Assessment.Grpc;
using Mash.Platform.Eventing;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-assessment", MashRoles.Assessment);
builder.AddAssessmentService();

var app = builder.Build();
await app.MigrateDatabaseAsync<AssessmentDbContext>();
app.UseMashServiceDefaults();
app.MapGrpcService<AssessmentGrpcService>();
app.MapMashEventing();
await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
