using Mash.Platform.Auth;
using Mash.Platform.ServiceDefaults;
using Mash.Assessment.Data;
using Mash.Assessment.Grpc;

namespace Mash.Assessment;

/// <summary>The Assessment service as a host runs it: in a process of its own (Program.cs), or beside a node's other services in one process.</summary>
public static class AssessmentHost
{
    public static readonly MashServiceDefinition Definition = new(
        "mash-assessment", MashRoles.Assessment, builder => builder.AddAssessmentService(), app => { app.MapGrpcService<AssessmentGrpcService>(); app.MapGrpcService<MissingGrpcService>(); });

    public static Task<int> RunAsync(string[] args, CancellationToken stop = default) => MashService.RunAsync<AssessmentDbContext>(Definition, args, stop);
}
