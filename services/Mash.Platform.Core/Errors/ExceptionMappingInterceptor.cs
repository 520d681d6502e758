using System.Data.Common;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Errors;

/// <summary>
/// The last line before a caller: an exception that is not already a gRPC status becomes one
/// with a plain message and a trace id to quote to support. No exception text or stack trace
/// leaves the service; the detail goes to the log, which never holds child identifiers.
/// </summary>
internal sealed partial class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger, IEnumerable<IStorageFailures> storage) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException refusal) when (OutgrowsTrailers(refusal))
        {
            throw Bounded(refusal, context);
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
        catch (RpcException refusal) when (OutgrowsTrailers(refusal))
        {
            throw Bounded(refusal, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    /// <summary>
    /// An answer's status travels in HTTP/2 trailers; past what a proxy accepts (the gateway's
    /// HttpClient: 64 KB of headers) the proxy drops the connection every agency's calls share.
    /// </summary>
    private static bool OutgrowsTrailers(RpcException refusal) =>
        refusal.Status.Detail.Length + refusal.Trailers.Sum(t => t.IsBinary ? t.ValueBytes.Length * 4 / 3 : t.Value.Length) > MaxTrailerChars;

    private const int MaxTrailerChars = 8 * 1024;
    private const int MaxBoundedDetail = 1_000;

    private RpcException Bounded(RpcException refusal, ServerCallContext context)
    {
        LogOversizeStatus(context.Method, refusal.StatusCode, refusal.Status.Detail.Length, refusal.Trailers.Count);
        var detail = refusal.Status.Detail;
        return new RpcException(new Status(refusal.StatusCode, detail.Length <= MaxBoundedDetail ? detail : detail[..MaxBoundedDetail] + "…"));
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
        return exception is DbException or TimeoutException || storage.Any(s => s.IsStorageFailure(exception))
            ? new RpcException(new Status(StatusCode.Unavailable, $"The service's storage is unavailable; retry later (trace {traceId})."))
            : new RpcException(new Status(StatusCode.Internal, $"The service failed to handle the call (trace {traceId})."));
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Method} answered {Code} with a {DetailLength}-character message and {TrailerCount} trailers; sent shortened, without details")]
    private partial void LogOversizeStatus(string method, StatusCode code, int detailLength, int trailerCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method}: {ExceptionMessage} (trace {TraceId})")]
    private partial void LogUnhandled(string method, string exceptionType, string exceptionMessage, string traceId);
}
