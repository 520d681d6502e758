using System.Net;
using System.Net.Sockets;
using Mash.Node.Hosting;

namespace Mash.Testing.Nodes;

/// <summary>A base port whose node ports (gateway, gateway+1, each service's offset; +100 per further node) are free now.</summary>
public static class FreePorts
{
    private static int _next = 20000 + (Environment.ProcessId % 100) * 100;

    public static int NodeBase(int nodes = 1)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            // Reserve [candidate, candidate + 100 * nodes): the next caller starts after it.
            var candidate = Interlocked.Add(ref _next, 100 * nodes) - 100 * nodes;
            var ports = Enumerable.Range(0, nodes).SelectMany(n => OffsetsOfOneNode().Select(offset => candidate + 100 * n + offset));
            if (ports.All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No free ports found on 127.0.0.1.");
    }

    private static IEnumerable<int> OffsetsOfOneNode() => ServiceSpec.All.Select(s => s.PortOffset).Prepend(1).Prepend(0);

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
