using Mash.Offender;
using Mash.Offender.Data;
using Mash.Offender.Grpc;
using Mash.Platform.Auth;
using Mash.Platform.Hosting;
using Mash.Platform.Persistence;

var builder = MashHost.CreateBuilder(args);
builder.AddMashServiceDefaults("mash-offender", MashRoles.Offender);
builder.AddOffenderService();

var app = builder.Build();
await app.MigrateDatabaseAsync<OffenderDbContext>();
app.UseMashServiceDefaults();
app.MapGrpcService<OffenderGrpcService>();
await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
