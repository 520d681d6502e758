namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// Hands a request to the server of this process that answers for its address, when there is one
/// (<see cref="InProcessServers"/>), and otherwise sends it as <paramref name="overNetwork"/> would.
/// </summary>
public sealed class InProcessHandler(HttpMessageHandler overNetwork) : DelegatingHandler(overNetwork)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { IsAbsoluteUri: true } uri && InProcessServers.TryFind(uri.Authority, out var server)
            ? server.SendAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
}
