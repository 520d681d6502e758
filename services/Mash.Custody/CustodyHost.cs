using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.Custody.Data;
using Mash.Custody.Grpc;

namespace Mash.Custody;

/// <summary>The Custody service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class CustodyHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-custody", MashRoles.Custody, builder => builder.AddCustodyService(), app => { app.MapGrpcService<CustodyGrpcService>(); app.MapGrpcService<EncompassGrpcService>(); });

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<CustodyDbContext>(Definition, args, stop);
}
