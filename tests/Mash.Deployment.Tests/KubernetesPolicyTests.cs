using System.Text.Json.Nodes;
using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>
/// NetworkPolicies as Kubernetes evaluates them (a pod selected by no policy of a direction is
/// open in that direction; selected ones allow only the union of their rules): deny all, then
/// only the gateway reaches the services, only the services reach PostgreSQL.
/// </summary>
public sealed class KubernetesPolicyTests
{
    private static readonly IReadOnlyDictionary<string, string> PostgresPod = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "postgres" };

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void A_default_deny_all_policy_covers_every_pod_both_ways(string folder)
    {
        var denyAll = Kustomize.Render(folder).OfKind("NetworkPolicy").Where(p =>
            p["spec"]!["podSelector"].Entries().Any() == false
            && p["spec"]!["ingress"] is null && p["spec"]!["egress"] is null
            && p["spec"]!["policyTypes"].Items().Select(t => t.Text()).Order().SequenceEqual(["Egress", "Ingress"]));

        Assert.True(denyAll.Any(), $"{folder}: no NetworkPolicy with podSelector {{}}, policyTypes Ingress and Egress and no rules");
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void Only_the_gateway_reaches_the_services_on_their_grpc_ports(string folder)
    {
        var rendering = Kustomize.Render(folder);
        var gateway = Rendering.PodLabels(rendering.Single("Deployment", Deployable.Gateway.KubernetesName));

        foreach (var service in Deployable.Services)
        {
            var labels = Rendering.PodLabels(rendering.Single("Deployment", service.KubernetesName));
            var rules = Rules(rendering, labels, "Ingress", "ingress").ToList();
            Assert.True(rules.Count > 0, $"{folder}: nothing allows the gateway to reach {service.KubernetesName}");
            foreach (var rule in rules)
            {
                var peers = rule["from"].Items().ToList();
                Assert.True(peers.Count > 0 && peers.All(peer => peer["ipBlock"] is null && peer["namespaceSelector"] is null && Rendering.Selects(peer["podSelector"], gateway)
                        && rendering.Pods().Where(p => Rendering.Selects(peer["podSelector"], p.Labels)).All(p => p.Name == Deployable.Gateway.KubernetesName)),
                    $"{folder}: a NetworkPolicy lets something other than the gateway reach {service.KubernetesName}: {rule.ToJsonString()}");
            }

            Assert.True(rules.Any(rule => Ports(rule).Contains(service.Port)), $"{folder}: the gateway may not reach {service.KubernetesName} on {service.Port}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void The_gateway_may_send_to_every_service_port(string folder)
    {
        var rendering = Kustomize.Render(folder);
        var gateway = Rendering.PodLabels(rendering.Single("Deployment", Deployable.Gateway.KubernetesName));
        var rules = Rules(rendering, gateway, "Egress", "egress").ToList();

        foreach (var service in Deployable.Services)
        {
            var labels = Rendering.PodLabels(rendering.Single("Deployment", service.KubernetesName));
            Assert.True(rules.Any(rule => Ports(rule).Contains(service.Port) && rule["to"].Items().Any(peer => Rendering.Selects(peer["podSelector"], labels))),
                $"{folder}: no egress rule lets the gateway reach {service.KubernetesName}:{service.Port}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void Only_the_services_reach_postgresql(string folder)
    {
        var rendering = Kustomize.Render(folder);
        var services = Deployable.Services.Select(s => s.KubernetesName).ToHashSet();

        // Ingress to PostgreSQL pods: from service pods only.
        var ingress = Rules(rendering, PostgresPod, "Ingress", "ingress").ToList();
        Assert.True(ingress.Count > 0, $"{folder}: no NetworkPolicy admits the services to PostgreSQL");
        foreach (var rule in ingress)
        {
            var admitted = rendering.Pods().Where(p => rule["from"].Items().Any(peer => peer["ipBlock"] is null && peer["namespaceSelector"] is null && Rendering.Selects(peer["podSelector"], p.Labels))).Select(p => p.Name).ToList();
            Assert.True(rule["from"].Items().Any() && admitted.All(services.Contains), $"{folder}: PostgreSQL admits {string.Join(", ", admitted)}: {rule.ToJsonString()}");
        }

        // Egress on 5432 (to a managed server outside the cluster too): service pods only.
        foreach (var (name, labels) in rendering.Pods().Where(p => !services.Contains(p.Name) && p.Name != "postgres"))
        {
            var open = Rules(rendering, labels, "Egress", "egress").Where(rule => Ports(rule).Contains(5432) || rule["ports"] is null).ToList();
            Assert.True(open.Count == 0, $"{folder}: {name} may open PostgreSQL connections: {string.Join(" ", open.Select(r => r.ToJsonString()))}");
        }

        foreach (var service in services)
        {
            var labels = Rendering.PodLabels(rendering.Single("Deployment", service));
            Assert.True(Rules(rendering, labels, "Egress", "egress").Any(rule => Ports(rule).Contains(5432)), $"{folder}: {service} may not reach PostgreSQL on 5432");
        }
    }

    /// <summary>The rules of one direction from every policy that selects a pod with these labels.</summary>
    private static IEnumerable<JsonNode> Rules(Rendering rendering, IReadOnlyDictionary<string, string> labels, string policyType, string direction)
    {
        var policies = rendering.OfKind("NetworkPolicy")
            .Where(p => p["spec"]!["policyTypes"].Items().Any(t => t.Text() == policyType) && Rendering.Selects(p["spec"]!["podSelector"], labels))
            .ToList();
        Assert.True(policies.Count > 0, $"{rendering.Folder}: a pod ({string.Join(",", labels.Select(l => l.Key + "=" + l.Value))}) is selected by no {policyType} policy: it would be open");
        return policies.SelectMany(p => p["spec"]![direction].Items());
    }

    private static HashSet<int> Ports(JsonNode rule) => [.. rule["ports"].Items().Select(p => int.Parse(p["port"].Text()))];
}
