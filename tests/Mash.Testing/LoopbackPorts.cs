using System.Net;
using System.Net.Sockets;

namespace Mash.Testing;

/// <summary>Ports on 127.0.0.1 for servers a test starts itself.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free at this moment, as the kernel picks one.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
