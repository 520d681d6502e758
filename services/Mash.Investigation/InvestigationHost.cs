using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.Investigation.Data;
using Mash.Investigation.Grpc;

namespace Mash.Investigation;

/// <summary>The Investigation service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class InvestigationHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-investigation", MashRoles.Investigation, builder => builder.AddInvestigationService(), app => app.MapGrpcService<InvestigationGrpcService>());

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<InvestigationDbContext>(Definition, args, stop);
}
