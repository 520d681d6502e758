using System.Diagnostics;
using Grpc.Core;
using Mash.Platform.Auth;
using Mash.Platform.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Errors;

/// <summary>
/// An exception that escapes the pipeline before anything has answered (a middleware's, an authentication handler's)
/// is answered INTERNAL with a trace id and nothing more: a gRPC status to a gRPC caller, the JSON status to a REST
/// one. Without it the embedded default, which runs in the Development environment (for reflection), would answer
/// with ASP.NET Core's developer exception page: the exception's message and stack trace, to any caller.
/// Errors inside a gRPC handler are mapped by <see cref="ExceptionMappingInterceptor"/> before they get here.
/// </summary>
public static partial class UnhandledErrors
{
    public static IApplicationBuilder UseNoDetailsForUnhandledErrors(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnhandledErrors).FullName!);
        return app.Use(next => context =>
        {
            var answered = next(context);
            return answered.IsCompletedSuccessfully ? answered : Answer(answered, context, logger);
        });
    }

    private static async Task Answer(Task answered, HttpContext context, ILogger logger)
    {
        try
        {
            await answered;
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var trace = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            // The type and message only, as the interceptor logs a handler's: never the request or its data.
            LogUnhandled(logger, e.GetType().Name, e.Message, trace);
            context.Response.Clear();
            var message = $"The server failed to handle the call (trace {trace}).";
            await (GrpcStatusWriter.IsGrpc(context.Request)
                ? GrpcStatusWriter.WriteAsync(context, StatusCode.Internal, message)
                : JsonStatusWriter.WriteAsync(context, StatusCode.Internal, message));
        }
    }

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} before an endpoint answered: {ExceptionMessage} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string exceptionMessage, string traceId);
}
