using System.Net;
using System.Net.Sockets;

namespace Mash.Gateway.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port free a moment ago, for endpoints that must be named before start-up.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
