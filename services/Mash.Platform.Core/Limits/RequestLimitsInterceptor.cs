using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Mash.Platform.Limits;

/// <summary>
/// Refuses a request with any string or repeated field over its limit before the handler (and
/// so any lookup) runs, for gRPC and REST callers alike: REST bodies and query strings arrive
/// here as the same request message.
/// </summary>
internal sealed class RequestLimitsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Refuse(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Refuse(request);
        return continuation(request, responseStream, context);
    }

    private static void Refuse<TRequest>(TRequest request)
    {
        if (request is IMessage message)
        {
            RequestLimitChecker.Check(message).ThrowIfAny("The request is over the limits listed in docs/request-limits.md.");
        }
    }
}
