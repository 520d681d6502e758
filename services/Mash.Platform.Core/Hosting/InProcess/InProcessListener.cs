using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>A Kestrel listener whose connections come from callers of this process (<see cref="Connect"/>), through two pipes.</summary>
public sealed class InProcessListener : IConnectionListener
{
    private readonly Channel<ConnectionContext> _waiting = Channel.CreateUnbounded<ConnectionContext>();
    private readonly IPEndPoint _local;
    private long _connectionsMade;

    internal InProcessListener(InProcessEndPoint endPoint)
    {
        EndPoint = endPoint;
        var port = endPoint.Authority.LastIndexOf(':') is var colon and >= 0 && int.TryParse(endPoint.Authority[(colon + 1)..], out var p) ? p : 0;
        _local = new IPEndPoint(IPAddress.Loopback, port);
    }

    public InProcessEndPoint EndPoint { get; }

    EndPoint IConnectionListener.EndPoint => EndPoint;

    /// <summary>Connections handed to the server so far (what the tests look at: HTTP/2 calls share a connection).</summary>
    public long ConnectionsMade => Interlocked.Read(ref _connectionsMade);

    /// <summary>A new connection to this listener's server: the caller's end, as a stream.</summary>
    /// <exception cref="IOException">The server has stopped listening.</exception>
    public Stream Connect()
    {
        var toServer = new Pipe();
        var toCaller = new Pipe();
        var serverSide = new DefaultConnectionContext(
            $"inprocess-{Guid.NewGuid():N}",
            transport: new DuplexPipe(toServer.Reader, toCaller.Writer),
            application: new DuplexPipe(toCaller.Reader, toServer.Writer))
        {
            LocalEndPoint = _local,
            // Loopback, as the same call over TCP would show: the caller is this machine.
            RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        };
        var caller = new DuplexPipeStream(toCaller.Reader, toServer.Writer, serverSide.ConnectionClosed);
        if (!_waiting.Writer.TryWrite(serverSide))
        {
            caller.Dispose();
            throw new IOException($"Nothing listens in process for {EndPoint.Authority} any more.");
        }

        Interlocked.Increment(ref _connectionsMade);
        return caller;
    }

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _waiting.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null; // unbound: Kestrel stops accepting
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        InProcessListeners.Remove(this);
        _waiting.Writer.TryComplete();
        // Handed over just before the server stopped and never accepted: their callers are told now, not left waiting.
        while (_waiting.Reader.TryRead(out var unaccepted))
        {
            unaccepted.Abort();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => UnbindAsync();

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
