using System.Net;
using System.Net.Sockets;

namespace Mash.Gateway.Tests.Infrastructure;

internal static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): a port the OS handed out for "any free port"
    // and then released can be given again at once as the source port of an outgoing connection
    // (seen in CI: "address already in use" on start). Each test process takes its own block;
    // the node fixtures use 20000-29999.
    private static int _next = 10000 + (Environment.ProcessId % 90) * 100;

    /// <summary>A loopback port free now, for endpoints that must be named before start-up.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var candidate = Interlocked.Increment(ref _next);
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free port found on 127.0.0.1.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
