using Yarp.ReverseProxy.ServiceDiscovery;

namespace Mash.Gateway.Routes;

/// <summary>
/// Configuration section <c>Mash:Gateway:DnsDestinations</c>: resolve each backend's host name to
/// all its addresses and balance over them.
/// </summary>
/// <remarks>
/// gRPC multiplexes every call over one long-lived HTTP/2 connection, so a Kubernetes ClusterIP
/// Service would pin the gateway to whichever pod that connection reached. Behind a headless
/// Service the name resolves to every ready pod; YARP then keeps a destination (and a connection)
/// per pod and re-resolves on <see cref="RefreshPeriod"/>, so new and removed replicas are noticed.
/// </remarks>
public sealed record BackendDnsResolutionOptions
{
    public const string Section = "Mash:Gateway:DnsDestinations";

    /// <summary>Off by default: a local node's backends are single loopback addresses.</summary>
    public bool Enabled { get; init; }

    /// <summary>How often names are resolved again (pods come and go; DNS answers change).</summary>
    public TimeSpan RefreshPeriod { get; init; } = TimeSpan.FromSeconds(15);
}

internal static class BackendDnsResolution
{
    public static IReverseProxyBuilder AddBackendDnsResolution(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var options = configuration.GetSection(BackendDnsResolutionOptions.Section).Get<BackendDnsResolutionOptions>() ?? new BackendDnsResolutionOptions();
        return options.Enabled
            ? proxy.AddDnsDestinationResolver(dns => dns.RefreshPeriod = options.RefreshPeriod)
            : proxy;
    }
}
