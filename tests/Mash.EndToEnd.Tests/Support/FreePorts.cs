using System.Net;
using System.Net.Sockets;

namespace Mash.EndToEnd.Tests.Support;

/// <summary>A base port whose node ports (base, base+1, base+10) are free on 127.0.0.1 right now.</summary>
internal static class FreePorts
{
    private static int _next = 20000 + (Environment.ProcessId % 200) * 50;

    public static int NodeBase()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Interlocked.Add(ref _next, 20);
            if (new[] { candidate, candidate + 1, candidate + 10 }.All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free ports found on 127.0.0.1.");
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
