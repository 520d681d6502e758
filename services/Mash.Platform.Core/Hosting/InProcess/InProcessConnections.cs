using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Connections;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>How a server listens in process, and how a caller reaches it there or, failing that, over TCP.</summary>
public static class InProcessConnections
{
    /// <summary>
    /// When <see cref="InProcessListeners.Enabled"/>, each plain-HTTP endpoint of <c>Kestrel:Endpoints</c> with a fixed
    /// port is also listened on in process (HTTP/2, as the gRPC endpoints are). The TCP endpoint stays for callers of
    /// other processes. TLS endpoints are not: a caller that asked for TLS gets TLS.
    /// </summary>
    public static IWebHostBuilder ListenInProcessWhenEnabled(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        if (!InProcessListeners.Enabled)
        {
            return webHost;
        }

        var authorities = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => Uri.TryCreate(e["Url"], UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0)
            .Select(uri => uri.Authority)
            .ToList();
        return authorities.Count == 0 ? webHost : webHost.ListenInProcess(authorities);
    }

    /// <summary>Listens in process for callers that dial any of <paramref name="authorities"/> (HTTP/2).</summary>
    public static IWebHostBuilder ListenInProcess(this IWebHostBuilder webHost, IEnumerable<string> authorities)
    {
        var endPoints = authorities.Select(a => new InProcessEndPoint(a)).ToList();
        webHost.ConfigureServices(services => services.AddSingleton<IConnectionListenerFactory, InProcessTransportFactory>());
        return webHost.ConfigureKestrel(kestrel =>
        {
            foreach (var endPoint in endPoints)
            {
                kestrel.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });
    }

    /// <summary>Has <paramref name="handler"/> reach servers of this process in process when this process listens in process.</summary>
    public static SocketsHttpHandler ConnectInProcessWhenEnabled(this SocketsHttpHandler handler)
    {
        if (InProcessListeners.Enabled)
        {
            handler.ConnectCallback = ConnectAsync;
        }

        return handler;
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/>: the in-process listener for the address dialled when this
    /// process has one, otherwise a TCP connection as the handler would make itself.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        if (InProcessListeners.TryFind($"{target.Host}:{target.Port}", out var listener))
        {
            try
            {
                return listener.Connect();
            }
            catch (IOException)
            {
                // Stopped between the lookup and the connect: whatever listens on TCP answers instead.
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
