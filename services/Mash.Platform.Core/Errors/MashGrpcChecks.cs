using Grpc.AspNetCore.Server;
using Mash.Platform.Limits;

namespace Mash.Platform.Errors;

/// <summary>
/// What every gRPC service of the suite does before its handler runs, the gateway's own
/// GovernanceService included: exceptions become clear statuses (never a stack trace), then the
/// request's fields are held to their documented limits before any work.
/// </summary>
public static class MashGrpcChecks
{
    /// <summary>The largest request message a service accepts (the gateway limits requests too).</summary>
    public const int MaxRequestMessageBytes = 1024 * 1024;

    public static GrpcServiceOptions AddMashRequestChecks(this GrpcServiceOptions grpc)
    {
        grpc.EnableDetailedErrors = false;
        grpc.MaxReceiveMessageSize = MaxRequestMessageBytes;
        // Outermost first: exceptions from the later steps are mapped too.
        grpc.Interceptors.Add<ExceptionMappingInterceptor>();
        grpc.Interceptors.Add<RequestLimitsInterceptor>();
        return grpc;
    }
}
