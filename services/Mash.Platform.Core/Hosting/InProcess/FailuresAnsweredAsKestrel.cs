using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// An application reached through memory answers an exception that escapes its pipeline as Kestrel does over TCP: a
/// 500 with no body when the answer had not started, logged as Kestrel logs it. <c>TestServer</c>'s handler instead
/// throws the exception at the caller, which the gateway answered as a 502 (gRPC: UNAVAILABLE, which tells a partner
/// to retry a call that will fail the same way) where the same service in a process of its own answers 500.
/// </summary>
/// <remarks>
/// An answer already started is aborted, as Kestrel resets its stream: the exception goes on to the handler, which ends
/// the caller's body with it.
/// </remarks>
internal sealed partial class FailuresAnsweredAsKestrel<TContext>(IHttpApplication<TContext> application, ILogger logger)
    : IHttpApplication<FailuresAnsweredAsKestrel<TContext>.Call>
    where TContext : notnull
{
    public Call CreateContext(IFeatureCollection contextFeatures) => new(application.CreateContext(contextFeatures), contextFeatures);

    public async Task ProcessRequestAsync(Call call)
    {
        try
        {
            await application.ProcessRequestAsync(call.Inner);
        }
        catch (Exception exception) when (!CallerLeft(call) && call.Features.Get<IHttpResponseFeature>() is { HasStarted: false } response)
        {
            // As Kestrel: the pipeline's headers are not the error's; the caller learns only that the server failed.
            call.Failure = exception;
            LogApplicationError(logger, exception);
            response.StatusCode = StatusCodes.Status500InternalServerError;
            response.ReasonPhrase = null;
            response.Headers.Clear();
            response.Headers.ContentLength = 0;
        }
    }

    // No one is waiting for an answer, and a caller who gives up is not the application's error to log.
    private static bool CallerLeft(Call call) => call.Features.Get<IHttpRequestLifetimeFeature>()?.RequestAborted.IsCancellationRequested == true;

    // Hosting's own diagnostics (the request's activity, "request finished") see the failure, as under Kestrel.
    public void DisposeContext(Call call, Exception? exception) => application.DisposeContext(call.Inner, exception ?? call.Failure);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "An unhandled exception was thrown by the application, answered through memory.")]
    private static partial void LogApplicationError(ILogger logger, Exception exception);

    /// <summary>One request: the application's own context, and what the answer needs if the pipeline fails.</summary>
    public sealed class Call(TContext inner, IFeatureCollection features)
    {
        public TContext Inner { get; } = inner;

        public IFeatureCollection Features { get; } = features;

        public Exception? Failure { get; set; }
    }
}
