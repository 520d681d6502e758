namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// A started server's application as callers of this process reach it: each request handed to its pipeline through
/// memory (ASP.NET Core's <c>TestServer</c> handler, which builds the <c>HttpContext</c>, body and trailers included).
/// Stopping it refuses new requests, waits for those in flight as Kestrel's own stop does, and aborts what is left
/// when the stop's patience runs out. A request is in flight until its answer starts: a body still streaming after
/// that is the caller's to read, and ends with the pipeline.
/// </summary>
public sealed class InProcessApplication : IDisposable
{
    private readonly HttpMessageInvoker _application;
    private readonly CancellationTokenSource _aborted = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private long _requestsHandled;
    private volatile bool _stopping;

    internal InProcessApplication(HttpMessageHandler application, IEnumerable<string> authorities)
    {
        _application = new HttpMessageInvoker(application, disposeHandler: true);
        Authorities = authorities.Select(InProcessServers.Normalise).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The authorities (<c>host:port</c>) callers dial to reach this server.</summary>
    public IReadOnlyList<string> Authorities { get; }

    /// <summary>Requests handed to the application through memory so far (what the tests look at).</summary>
    public long RequestsHandled => Interlocked.Read(ref _requestsHandled);

    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (_stopping)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, $"The server for {Authorities[0]} has stopped.");
            }

            Interlocked.Increment(ref _requestsHandled);
            using var abortable = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _aborted.Token);
            return await _application.SendAsync(request, abortable.Token);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new requests, waits for those in flight until <paramref name="patience"/> ends, then aborts them.</summary>
    internal async Task StopAsync(CancellationToken patience)
    {
        _stopping = true;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(patience);
        }
        catch (OperationCanceledException)
        {
            await _aborted.CancelAsync();
        }
    }

    public void Dispose()
    {
        _application.Dispose();
        _aborted.Dispose();
    }
}
