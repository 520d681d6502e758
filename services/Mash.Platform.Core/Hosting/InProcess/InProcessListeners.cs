using System.Collections.Concurrent;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// The in-process listeners bound in this process, by the authority of the TCP endpoint each stands beside.
/// </summary>
/// <remarks>
/// The embedded default runs a node's gateway and services in one process (<c>Mash.Node.Host</c>). A call the
/// gateway forwards there crossed TCP a second time after the caller's own hop, only to come back into the same
/// process: 41 % of the gateway's CPU was socket calls. Handed through memory, the hop is the same HTTP/2 (Kestrel on one side,
/// SocketsHttpHandler on the other), tokens and all; only the socket is gone.
/// </remarks>
public static class InProcessListeners
{
    private static readonly ConcurrentDictionary<string, InProcessListener> Bound = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the services of this process also listen in process beside their plain-HTTP endpoints: set by a host
    /// that runs several applications in one process, before it starts them.
    /// </summary>
    public static bool Enabled { get; private set; }

    public static void Enable() => Enabled = true;

    /// <summary>The listener standing beside <paramref name="authority"/> in this process, if one is bound.</summary>
    public static bool TryFind(string authority, out InProcessListener listener) =>
        Bound.TryGetValue(InProcessEndPoint.Normalise(authority), out listener!);

    internal static void Add(InProcessListener listener)
    {
        if (!Bound.TryAdd(listener.EndPoint.Authority, listener))
        {
            throw new InvalidOperationException($"Another server of this process already listens in process for {listener.EndPoint.Authority}.");
        }
    }

    internal static void Remove(InProcessListener listener) =>
        Bound.TryRemove(new KeyValuePair<string, InProcessListener>(listener.EndPoint.Authority, listener));
}
