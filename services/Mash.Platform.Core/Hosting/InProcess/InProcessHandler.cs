using System.Diagnostics;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// Hands a request to the server of this process that answers for its address, when there is one
/// (<see cref="InProcessServers"/>), and otherwise sends it as <paramref name="overNetwork"/> would.
/// </summary>
public sealed class InProcessHandler(HttpMessageHandler overNetwork) : DelegatingHandler(overNetwork)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && InProcessServers.TryFind(uri.Authority, out var server))
        {
            PropagateTrace(request);
            return server.SendAsync(request, cancellationToken);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// What the network handler does for a call it sends, which this one does not reach: the caller's current span
    /// becomes the parent of the server's, in place of any trace headers the request already carried (the gateway copies
    /// its own caller's). Without it, a service's spans in a one-process node began traces of their own.
    /// </summary>
    private static void PropagateTrace(HttpRequestMessage request)
    {
        if (Activity.Current is not { } current)
        {
            return;
        }

        var propagator = DistributedContextPropagator.Current;
        foreach (var field in propagator.Fields)
        {
            request.Headers.Remove(field);
        }

        propagator.Inject(current, request, static (carrier, name, value) =>
            ((HttpRequestMessage)carrier!).Headers.TryAddWithoutValidation(name, value));
    }
}
