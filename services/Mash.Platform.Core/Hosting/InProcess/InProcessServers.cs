using System.Collections.Concurrent;

namespace Mash.Platform.Hosting.InProcess;

/// <summary>
/// The servers of this process that callers in the same process reach through memory, by the authority
/// (<c>host:port</c>) of each plain-HTTP endpoint they also answer on over TCP.
/// </summary>
/// <remarks>
/// The embedded default runs a node's gateway and services in one process (<c>Mash.Node.Host</c>). A call the
/// gateway forwarded there first crossed TCP a second time only to come back into the same process (41 % of the
/// gateway's CPU was socket calls), and then, through a pipe, still spoke HTTP/2 both ways: framing and header
/// compression by the gateway's client and again by the service's Kestrel. Now the request is handed to the
/// service's pipeline as an <c>HttpContext</c> (about 10 µs less a forwarded read; docs/benchmarks.md); tokens,
/// headers and trailers are as they were.
/// </remarks>
public static class InProcessServers
{
    private static readonly ConcurrentDictionary<string, InProcessApplication> Bound = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the services of this process also answer callers of the process through memory: set by a host that
    /// runs several applications in one process, before it starts them.
    /// </summary>
    public static bool Enabled { get; private set; }

    public static void Enable() => Enabled = true;

    /// <summary>The server of this process answering for <paramref name="authority"/>, if one has started and not stopped.</summary>
    public static bool TryFind(string authority, out InProcessApplication application) =>
        Bound.TryGetValue(Normalise(authority), out application!);

    internal static void Add(InProcessApplication application)
    {
        foreach (var authority in application.Authorities)
        {
            if (!Bound.TryAdd(authority, application))
            {
                Remove(application);
                throw new InvalidOperationException($"Another server of this process already answers in process for {authority}.");
            }
        }
    }

    internal static void Remove(InProcessApplication application)
    {
        foreach (var authority in application.Authorities)
        {
            Bound.TryRemove(new KeyValuePair<string, InProcessApplication>(authority, application));
        }
    }

    internal static string Normalise(string authority) => authority.Trim().ToLowerInvariant();
}
