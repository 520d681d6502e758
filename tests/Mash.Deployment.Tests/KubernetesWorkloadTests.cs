using System.Text.Json.Nodes;
using Mash.Deployment.Tests.Infrastructure;
using Mash.Platform.Hosting;

namespace Mash.Deployment.Tests;

/// <summary>
/// Every rendered kustomization (base and both overlays): a hardened Deployment per deployable
/// running its image on the ports of its appsettings, gRPC probes, migrations before start,
/// headless Services for the gateway to balance over, a PDB and an HPA each.
/// </summary>
public sealed class KubernetesWorkloadTests
{
    public static TheoryData<string, string> FoldersAndDeployables() => Combine(Deployable.All);

    public static TheoryData<string, string> FoldersAndServices() => Combine(Deployable.Services);

    private static TheoryData<string, string> Combine(IEnumerable<Deployable> deployables)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Kustomize.AllFolders)
        {
            foreach (var deployable in deployables)
            {
                data.Add(folder, deployable.ComposeService);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndDeployables))]
    public void The_deployment_runs_the_image_on_the_ports_of_appsettings(string folder, string name)
    {
        var (rendering, deployable, deployment) = Find(folder, name);
        var container = Rendering.MainContainer(deployment);

        Assert.True(IsImage(container["image"].Text(), deployable.Image), $"{folder}: {deployable.KubernetesName} runs '{container["image"]}', expected {deployable.Image}");
        var ports = container["ports"].Items().Select(p => int.Parse(p["containerPort"].Text())).Order();
        Assert.Equal(deployable.KestrelPorts.Values.Order(), ports);
        var environment = rendering.Environment(container);
        foreach (var (endpoint, port) in deployable.KestrelPorts)
        {
            Assert.True(environment.GetValueOrDefault($"Kestrel__Endpoints__{endpoint}__Url") == $"http://0.0.0.0:{port}",
                $"{folder}: {deployable.KubernetesName} must set Kestrel__Endpoints__{endpoint}__Url=http://0.0.0.0:{port}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndDeployables))]
    public void The_probes_ask_what_the_app_really_serves(string folder, string name)
    {
        var (_, deployable, deployment) = Find(folder, name);
        var container = Rendering.MainContainer(deployment);

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var where = $"{folder}: {deployable.KubernetesName} {probe}";
            if (deployable.IsGateway)
            {
                // The gateway has no gRPC health service; it maps GET /healthz (GatewayHealth).
                Assert.Contains("\"/healthz\"", Repo.Read("gateway/Mash.Gateway/GatewayHealth.cs"), StringComparison.Ordinal);
                var get = container[probe]?["httpGet"];
                Assert.True(get?["path"].Text() == "/healthz", $"{where} must GET /healthz");
                Assert.True(PortNumber(container, get!["port"].Text()) == deployable.KestrelPorts["Http"], $"{where} must use the HTTP/1.1 port {deployable.KestrelPorts["Http"]}");
            }
            else
            {
                // grpc.health.v1.Health is served on the service's own h2c port; readiness asks ""
                // (every check, the database's too), the others only whether the process answers.
                var grpc = container[probe]?["grpc"];
                var service = probe == "readinessProbe" ? MashHealth.Ready : MashHealth.Liveness;
                Assert.True(grpc?["port"].Text() == deployable.Port.ToString(), $"{where} must be a grpc probe on port {deployable.Port}");
                Assert.True(grpc?["service"].Text() == service, $"{where} must ask the health service '{service}', not '{grpc?["service"].Text()}'");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndDeployables))]
    public void Every_container_is_hardened_and_bounded(string folder, string name)
    {
        var (_, deployable, deployment) = Find(folder, name);
        var pod = Rendering.PodSpec(deployment);
        var uid = DockerfileUser(deployable);

        Assert.True(pod["securityContext"]?["runAsNonRoot"].Text() == "true", $"{folder}: {deployable.KubernetesName} pod must run as non-root");
        Assert.True(pod["securityContext"]?["runAsUser"].Text() == uid, $"{folder}: {deployable.KubernetesName} runAsUser must be the image's USER {uid}");
        Assert.Equal("false", pod["automountServiceAccountToken"].Text());
        foreach (var container in Rendering.Containers(deployment))
        {
            var where = $"{folder}: {deployable.KubernetesName} container {container["name"]}";
            var security = container["securityContext"];
            Assert.True(security?["readOnlyRootFilesystem"].Text() == "true", $"{where} needs a read-only root filesystem");
            Assert.True(security?["allowPrivilegeEscalation"].Text() == "false", $"{where} must not allow privilege escalation");
            Assert.True(security?["capabilities"]?["drop"].Items().Any(c => c.Text() == "ALL") == true, $"{where} must drop all capabilities");
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.True(container["resources"]?[bound]?["cpu"] is not null && container["resources"]?[bound]?["memory"] is not null, $"{where} needs cpu and memory {bound}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndDeployables))]
    public void The_only_writable_places_are_temporary_and_the_data_directory(string folder, string name)
    {
        var (rendering, deployable, deployment) = Find(folder, name);
        var emptyDirs = Rendering.PodSpec(deployment)["volumes"].Items().Where(v => v["emptyDir"] is not null).Select(v => v["name"].Text()).ToHashSet();

        foreach (var container in Rendering.Containers(deployment))
        {
            var dataDirectory = rendering.Environment(container).GetValueOrDefault("Mash__DataDirectory");
            Assert.False(string.IsNullOrEmpty(dataDirectory), $"{folder}: {deployable.KubernetesName} must set Mash__DataDirectory (the working directory is read-only)");
            foreach (var path in new[] { "/tmp", dataDirectory })
            {
                var mount = container["volumeMounts"].Items().FirstOrDefault(m => m["mountPath"].Text() == path);
                Assert.True(mount is not null && emptyDirs.Contains(mount["name"].Text()), $"{folder}: {deployable.KubernetesName} container {container["name"]} needs an emptyDir at {path}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndServices))]
    public void Each_service_migrates_its_database_before_it_starts(string folder, string name)
    {
        var (rendering, deployable, deployment) = Find(folder, name);
        var main = Rendering.MainContainer(deployment);

        var migrate = Assert.Single(Rendering.PodSpec(deployment)["initContainers"].Items());
        Assert.Equal(["--migrate-only"], migrate["args"].Items().Select(a => a.Text()));
        Assert.Equal(main["image"].Text(), migrate["image"].Text());
        Assert.Equal(rendering.Environment(main), rendering.Environment(migrate));
        Assert.True(rendering.Environment(main).GetValueOrDefault("Mash__Database__MigrateOnStart") == "false",
            $"{folder}: {deployable.KubernetesName} must set Mash__Database__MigrateOnStart=false (the init container migrates)");
        Assert.Equal("PostgreSql", rendering.Environment(main).GetValueOrDefault("Mash__Database__Provider"));
        Assert.Equal($"secret:mash-database/{deployable.DatabaseName}", rendering.Environment(main).GetValueOrDefault($"ConnectionStrings__{deployable.DatabaseName}"));
    }

    [SkippableTheory]
    [MemberData(nameof(FoldersAndDeployables))]
    public void Each_deployment_has_a_service_a_disruption_budget_and_an_autoscaler(string folder, string name)
    {
        var (rendering, deployable, deployment) = Find(folder, name);
        var labels = Rendering.PodLabels(deployment);

        var service = rendering.Single("Service", deployable.KubernetesName);
        Assert.True(service["spec"]!["selector"].Entries().All(p => labels.GetValueOrDefault(p.Key) == p.Value.Text()), $"{folder}: Service {deployable.KubernetesName} does not select its pods");
        Assert.Equal(deployable.KestrelPorts.Values.Order(), service["spec"]!["ports"].Items().Select(p => int.Parse(p["port"].Text())).Order());
        if (!deployable.IsGateway)
        {
            // Headless: one DNS answer per ready pod, for the gateway's DNS destination resolver.
            Assert.True(service["spec"]!["clusterIP"].Text() == "None", $"{folder}: Service {deployable.KubernetesName} must be headless (clusterIP: None)");
        }

        var budget = rendering.Single("PodDisruptionBudget", deployable.KubernetesName);
        Assert.True(Rendering.Selects(budget["spec"]!["selector"], labels), $"{folder}: PodDisruptionBudget {deployable.KubernetesName} does not select its pods");
        var autoscaler = rendering.Single("HorizontalPodAutoscaler", deployable.KubernetesName);
        Assert.Equal("Deployment", autoscaler["spec"]!["scaleTargetRef"]!["kind"].Text());
        Assert.Equal(deployable.KubernetesName, autoscaler["spec"]!["scaleTargetRef"]!["name"].Text());
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void The_gateway_resolves_each_cluster_to_the_pods_of_the_right_headless_service(string folder)
    {
        var rendering = Kustomize.Render(folder);
        var environment = rendering.Environment(Rendering.MainContainer(rendering.Single("Deployment", Deployable.Gateway.KubernetesName)));

        Assert.Equal("true", environment.GetValueOrDefault("Mash__Gateway__DnsDestinations__Enabled"));
        foreach (var (cluster, config) in Deployable.Gateway.AppSettings["ReverseProxy"]!["Clusters"]!.AsObject())
        {
            foreach (var (destination, value) in config!["Destinations"]!.AsObject())
            {
                var target = Deployable.Services.Single(s => s.Port == new Uri(value!["Address"]!.GetValue<string>()).Port);
                var key = $"ReverseProxy__Clusters__{cluster}__Destinations__{destination}__Address";
                Assert.True(environment.GetValueOrDefault(key) == $"http://{target.KubernetesName}:{target.Port}",
                    $"{folder}: the gateway's {key} is '{environment.GetValueOrDefault(key)}', expected http://{target.KubernetesName}:{target.Port}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void Every_environment_variable_is_a_setting_the_app_reads(string folder)
    {
        var rendering = Kustomize.Render(folder);

        foreach (var deployable in Deployable.All)
        {
            var catalog = SettingsCatalog.For(deployable);
            var deployment = rendering.Single("Deployment", deployable.KubernetesName);
            var unknown = Rendering.Containers(deployment).SelectMany(c => rendering.Environment(c).Keys).Distinct().Where(key => !catalog.Knows(key)).ToList();
            Assert.True(unknown.Count == 0, $"{folder}: {deployable.KubernetesName} sets {string.Join(", ", unknown)}, which {deployable.ProjectName} never reads");
        }
    }

    private static (Rendering Rendering, Deployable Deployable, JsonNode Deployment) Find(string folder, string name)
    {
        var rendering = Kustomize.Render(folder);
        var deployable = Deployable.Named(name);
        return (rendering, deployable, rendering.Single("Deployment", deployable.KubernetesName));
    }

    /// <summary>"mash/referral", "mash/referral:dev" or "registry.example/mash/referral:1.0" all run mash/referral.</summary>
    private static bool IsImage(string image, string expected)
    {
        var withoutTag = image.LastIndexOf(':') > image.LastIndexOf('/') ? image[..image.LastIndexOf(':')] : image;
        return withoutTag == expected || withoutTag.EndsWith("/" + expected, StringComparison.Ordinal);
    }

    private static int PortNumber(JsonNode container, string port) =>
        int.TryParse(port, out var number) ? number : int.Parse(container["ports"].Items().Single(p => p["name"].Text() == port)["containerPort"].Text());

    private static string DockerfileUser(Deployable deployable) =>
        Repo.Read(deployable.Dockerfile).Split('\n').Last(line => line.StartsWith("USER ", StringComparison.Ordinal))[5..].Split(':')[0].Trim();
}
