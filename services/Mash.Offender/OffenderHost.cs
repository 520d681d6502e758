using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.Offender.Data;
using Mash.Offender.Grpc;

namespace Mash.Offender;

/// <summary>The Offender service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class OffenderHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-offender", MashRoles.Offender, builder => builder.AddOffenderService(), app => app.MapGrpcService<OffenderGrpcService>());

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<OffenderDbContext>(Definition, args, stop);
}
