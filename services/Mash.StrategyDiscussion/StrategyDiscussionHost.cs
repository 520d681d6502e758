using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.StrategyDiscussion.Data;
using Mash.StrategyDiscussion.Grpc;

namespace Mash.StrategyDiscussion;

/// <summary>The StrategyDiscussion service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class StrategyDiscussionHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-strategy", MashRoles.Strategy, builder => builder.AddStrategyDiscussionService(), app => app.MapGrpcService<StrategyGrpcService>());

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<StrategyDbContext>(Definition, args, stop);
}
