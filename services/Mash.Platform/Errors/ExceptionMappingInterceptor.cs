using System.Data.Common;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Errors;

/// <summary>
/// The last line before a caller: an exception that is not already a gRPC status becomes one
/// with a plain message and a trace id to quote to support. No exception text or stack trace
/// leaves the service; the detail goes to the log, which never holds child identifiers.
/// </summary>
internal sealed partial class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        // Log the exception type and message only: messages from EF or SQLite never carry
        // parameter values, but a full dump of entities could.
        LogUnhandled(context.Method, exception.GetType().Name, exception.Message, traceId);
        return exception switch
        {
            DbException or DbUpdateException or TimeoutException => new RpcException(new Status(
                StatusCode.Unavailable, $"The service's storage is unavailable; retry later (trace {traceId}).")),
            _ => new RpcException(new Status(StatusCode.Internal, $"The service failed to handle the call (trace {traceId}).")),
        };
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method}: {ExceptionMessage} (trace {TraceId})")]
    private partial void LogUnhandled(string method, string exceptionType, string exceptionMessage, string traceId);
}
