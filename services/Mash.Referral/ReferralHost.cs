using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.Referral.Data;
using Mash.Referral.Grpc;

namespace Mash.Referral;

/// <summary>The Referral service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class ReferralHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-referral", MashRoles.Referral, builder => builder.AddReferralService(), app => app.MapGrpcService<ReferralGrpcService>());

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<ReferralDbContext>(Definition, args, stop);
}
