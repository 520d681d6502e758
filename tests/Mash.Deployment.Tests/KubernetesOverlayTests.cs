using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>What differs between the overlays: identity, secrets, the database (replicas: <see cref="KubernetesScalingTests"/>).</summary>
public sealed class KubernetesOverlayTests
{
    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void No_secret_values_are_committed_only_referenced(string folder)
    {
        var rendering = Kustomize.Render(folder);

        var secrets = rendering.OfKind("Secret").Where(s => s["data"] is not null || s["stringData"] is not null).Select(s => s["metadata"]!["name"].Text()).ToList();

        Assert.True(secrets.Count == 0, $"{folder}: Secrets with values are committed: {string.Join(", ", secrets)}");
        var referenced = rendering.OfKind("Deployment").SelectMany(Rendering.Containers).SelectMany(c => rendering.Environment(c).Values)
            .Where(v => v.StartsWith("secret:", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("secret:mash-partnership/child-key-secret", referenced);
    }

    [SkippableFact]
    public void Production_trusts_entra_id_only()
    {
        var rendering = Kustomize.Render(Kustomize.Production);

        foreach (var deployable in Deployable.All)
        {
            var deployment = rendering.Single("Deployment", deployable.KubernetesName);
            var environment = rendering.Environment(Rendering.MainContainer(deployment));
            var where = $"{Kustomize.Production}: {deployable.KubernetesName}";
            Assert.Equal("Production", environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
            Assert.True(environment.GetValueOrDefault("Mash__Auth__LocalIssuer__Enabled") == "false", $"{where} must not trust the local issuer");
            foreach (var setting in new[] { "AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId", "AzureAd__Audience" })
            {
                Assert.False(string.IsNullOrWhiteSpace(environment.GetValueOrDefault(setting)), $"{where} must set {setting} (Entra ID)");
            }

            Assert.Equal(environment.GetValueOrDefault("AzureAd__Audience"), environment.GetValueOrDefault("Mash__Auth__Audience"));
        }

        var gateway = rendering.Environment(Rendering.MainContainer(rendering.Single("Deployment", Deployable.Gateway.KubernetesName)));
        Assert.Equal("false", gateway.GetValueOrDefault("Mash__LocalIssuer__Enabled"));
    }

    [SkippableFact]
    public void Production_reaches_service_bus_through_workload_identity()
    {
        var rendering = Kustomize.Render(Kustomize.Production);

        foreach (var service in Deployable.Services)
        {
            var deployment = rendering.Single("Deployment", service.KubernetesName);
            var environment = rendering.Environment(Rendering.MainContainer(deployment));
            var account = rendering.Single("ServiceAccount", Rendering.PodSpec(deployment)["serviceAccountName"].Text());
            Assert.Equal("ServiceBus", environment.GetValueOrDefault("Mash__Eventing__Transport"));
            Assert.True(environment.GetValueOrDefault("Mash__Eventing__ServiceBusNamespace")?.EndsWith(".servicebus.windows.net", StringComparison.Ordinal) == true,
                $"{Kustomize.Production}: {service.KubernetesName} must set Mash__Eventing__ServiceBusNamespace to the namespace's host name (workload identity)");
            Assert.Equal("true", Rendering.PodLabels(deployment).GetValueOrDefault("azure.workload.identity/use"));
            Assert.False(string.IsNullOrWhiteSpace(account["metadata"]?["annotations"]?["azure.workload.identity/client-id"].Text()),
                $"{Kustomize.Production}: service account {account["metadata"]!["name"]} needs azure.workload.identity/client-id");
        }
    }

    [SkippableFact]
    public void Development_services_trust_the_gateways_local_issuer_through_its_service()
    {
        var rendering = Kustomize.Render(Kustomize.Development);
        var gatewayDeployment = rendering.Single("Deployment", Deployable.Gateway.KubernetesName);
        var gateway = rendering.Environment(Rendering.MainContainer(gatewayDeployment));

        Assert.Equal("true", gateway.GetValueOrDefault("Mash__LocalIssuer__Enabled"));
        Assert.NotEqual("Production", gateway.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
        Assert.Equal("1", rendering.Single("HorizontalPodAutoscaler", Deployable.Gateway.KubernetesName)["spec"]!["maxReplicas"].Text());
        foreach (var service in Deployable.Services)
        {
            var environment = rendering.Environment(Rendering.MainContainer(rendering.Single("Deployment", service.KubernetesName)));
            var metadata = new Uri(environment.GetValueOrDefault("Mash__Auth__LocalIssuer__MetadataAddress") ?? "http://unset/");
            Assert.Equal("true", environment.GetValueOrDefault("Mash__Auth__LocalIssuer__Enabled"));
            Assert.Equal(gateway.GetValueOrDefault("Mash__Auth__LocalIssuer__Issuer"), environment.GetValueOrDefault("Mash__Auth__LocalIssuer__Issuer"));
            Assert.True(metadata.Host == Deployable.Gateway.KubernetesName && metadata.Port == Deployable.Gateway.KestrelPorts["Http"],
                $"{Kustomize.Development}: {service.KubernetesName} fetches the issuer's keys from {metadata}, not the gateway Service's HTTP port");
        }
    }

    [SkippableFact]
    public void Development_runs_postgresql_with_every_service_database()
    {
        var rendering = Kustomize.Render(Kustomize.Development);
        var postgres = rendering.Single("StatefulSet", "postgres");
        var init = rendering.OfKind("ConfigMap").Single(c => c["metadata"]!["name"].Text().StartsWith("postgres-init", StringComparison.Ordinal));
        var mounted = Rendering.PodSpec(postgres)["volumes"].Items().Any(v => v["configMap"]?["name"].Text() == init["metadata"]!["name"].Text());

        Assert.True(mounted, $"{Kustomize.Development}: the postgres-init ConfigMap is not mounted");
        foreach (var service in Deployable.Services)
        {
            Assert.Contains($"CREATE DATABASE {service.DatabaseName};", init["data"].Entries().Single().Value.Text(), StringComparison.Ordinal);
        }

        Assert.Equal(Repo.Read("deploy/compose/postgres-init.sql"), Repo.Read("k8s/overlays/development/postgres-init.sql"));
    }
}
