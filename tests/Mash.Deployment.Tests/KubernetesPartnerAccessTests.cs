using System.Text.Json.Nodes;
using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>
/// Production gives partners one TLS address: a Gateway API Gateway terminating TLS with a
/// referenced certificate Secret, one HTTPRoute sending every gRPC service the gateway routes to
/// its gRPC port and REST to its HTTP port, and only the edge proxy let in to the gateway pods.
/// </summary>
public sealed class KubernetesPartnerAccessTests
{
    [SkippableFact]
    public void Partners_reach_the_gateway_through_one_tls_listener_with_a_referenced_certificate()
    {
        var rendering = Kustomize.Render(Kustomize.Production);

        var gateway = Assert.Single(rendering.OfKind("Gateway"));
        var listener = Assert.Single(gateway["spec"]!["listeners"].Items());
        Assert.Equal("HTTPS", listener["protocol"].Text());
        Assert.Equal("443", listener["port"].Text());
        Assert.Equal("Terminate", listener["tls"]!["mode"].Text());
        var certificate = Assert.Single(listener["tls"]!["certificateRefs"].Items());
        Assert.Equal("Secret", certificate["kind"].Text());
        Assert.DoesNotContain(rendering.OfKind("Secret"), s => s["metadata"]!["name"].Text() == certificate["name"].Text());
    }

    [SkippableFact]
    public void Every_grpc_service_the_gateway_routes_goes_to_its_grpc_port_and_rest_to_its_http_port()
    {
        var rendering = Kustomize.Render(Kustomize.Production);
        var route = Assert.Single(rendering.OfKind("HTTPRoute"));
        var gatewayName = Assert.Single(rendering.OfKind("Gateway"))["metadata"]!["name"].Text();
        Assert.Contains(route["spec"]!["parentRefs"].Items(), p => p["name"].Text() == gatewayName);

        var portOf = route["spec"]!["rules"].Items()
            .SelectMany(rule => rule["matches"].Items().Select(m => (Prefix: m["path"]!["value"].Text(), Backend: Assert.Single(rule["backendRefs"].Items()))))
            .ToDictionary(m => m.Prefix, m => (Service: m.Backend["name"].Text(), Port: m.Backend["port"].Text()));

        var routedServices = RoutedGrpcServices();
        Assert.NotEmpty(routedServices);
        foreach (var service in routedServices)
        {
            Assert.True(portOf.TryGetValue(service, out var backend), $"partners cannot reach {service}: no path prefix for it");
            Assert.Equal(("mash-gateway", "5100"), backend);
        }

        Assert.Equal(("mash-gateway", "5101"), portOf["/v1"]);
        var grpcPort = rendering.Single("Service", "mash-gateway")["spec"]!["ports"].Items().Single(p => p["port"].Text() == "5100");
        Assert.Equal("kubernetes.io/h2c", grpcPort["appProtocol"].Text());
    }

    [SkippableFact]
    public void Only_the_edge_proxy_is_let_in_to_the_gateway_pods()
    {
        var policy = Kustomize.Render(Kustomize.Production).Single("NetworkPolicy", "gateway-ingress");

        Assert.All(policy["spec"]!["ingress"].Items(), rule =>
        {
            var from = Assert.Single(rule["from"].Items());
            Assert.Equal("true", from["namespaceSelector"]!["matchLabels"]!["mash.partnership/edge"].Text());
        });
    }

    [SkippableFact]
    public void The_production_gateway_is_told_how_tls_reaches_it_or_it_would_not_start()
    {
        var rendering = Kustomize.Render(Kustomize.Production);
        var environment = rendering.Environment(Rendering.MainContainer(rendering.Single("Deployment", Deployable.Gateway.KubernetesName)));

        Assert.True(
            environment.Keys.Any(k => k.StartsWith("Mash__Gateway__Tls__TrustedProxyNetworks__", StringComparison.Ordinal))
            || environment.ContainsKey("Mash__Gateway__Tls__CertificatePath"),
            "the production gateway sets neither Mash__Gateway__Tls__TrustedProxyNetworks__0 nor Mash__Gateway__Tls__CertificatePath: it refuses to start");
    }

    /// <summary>"/package.Service" of every gRPC route in the gateway's own route table.</summary>
    private static IReadOnlyList<string> RoutedGrpcServices() =>
        [.. JsonNode.Parse(Repo.Read("gateway/Mash.Gateway/appsettings.json"))!["ReverseProxy"]!["Routes"]!.AsObject()
            .Select(r => r.Value!["Match"]!["Path"]!.GetValue<string>())
            .Select(path => "/" + path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0])
            .Distinct()];
}
