using System.Net;
using Mash.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Mash.Gateway.Tests;

/// <summary>
/// Behind a Kubernetes headless Service a backend's name resolves to every ready pod; with
/// Mash:Gateway:DnsDestinations the gateway keeps one destination per address, so calls spread
/// over the replicas instead of riding one connection to one pod.
/// </summary>
public sealed class BackendDnsResolutionTests
{
    [Fact]
    public async Task With_dns_destinations_a_backend_name_becomes_one_destination_per_address()
    {
        using var data = new TempDirectory();
        var port = FreePort.Next();
        var expected = (await Dns.GetHostAddressesAsync("localhost")).Select(Literal).Order().ToList();

        await using var gateway = GatewayHost.Start(data.Path, $"http://localhost:{port}", new Dictionary<string, string?>
        {
            ["Mash:Gateway:DnsDestinations:Enabled"] = "true",
        });

        var destinations = ReferralDestinations(gateway);
        Assert.Equal(expected, destinations.Select(d => new Uri(d.Address).Host).Order().ToList());
        Assert.All(destinations, d => Assert.Equal(port, new Uri(d.Address).Port));
        // The original name still goes out as the Host header, as a backend behind a name expects.
        Assert.All(destinations, d => Assert.Equal($"localhost:{port}", d.Host));
    }

    [Fact]
    public async Task Without_the_setting_the_configured_address_is_used_as_it_is()
    {
        using var data = new TempDirectory();
        var address = $"http://localhost:{FreePort.Next()}";

        await using var gateway = GatewayHost.Start(data.Path, address);

        var destination = Assert.Single(ReferralDestinations(gateway));
        Assert.Equal(address, destination.Address.TrimEnd('/'));
    }

    private static List<Yarp.ReverseProxy.Configuration.DestinationConfig> ReferralDestinations(GatewayHost gateway)
    {
        var lookup = gateway.Services.GetRequiredService<IProxyStateLookup>();
        Assert.True(lookup.TryGetCluster("referral", out var cluster), "the referral cluster is not loaded");
        return [.. cluster.Destinations.Values.Select(d => d.Model.Config)];
    }

    private static string Literal(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{address}]"
        : address.ToString();
}
