using Mash.Deployment.Tests.Infrastructure;

namespace Mash.Deployment.Tests;

/// <summary>
/// Who owns a Deployment's replica count: an autoscaler or the manifest, never both. With both,
/// every <c>kubectl apply</c> resets the count the autoscaler chose, and the two fight.
/// </summary>
public sealed class KubernetesScalingTests
{
    [SkippableTheory]
    [MemberData(nameof(Kustomize.Folders), MemberType = typeof(Kustomize))]
    public void No_deployment_has_both_a_replica_count_and_an_autoscaler(string folder)
    {
        var rendering = Kustomize.Render(folder);
        var scaled = rendering.OfKind("HorizontalPodAutoscaler")
            .Where(h => h["spec"]!["scaleTargetRef"]!["kind"].Text() == "Deployment")
            .Select(h => h["spec"]!["scaleTargetRef"]!["name"].Text())
            .ToHashSet();

        var both = rendering.OfKind("Deployment")
            .Where(d => scaled.Contains(d["metadata"]!["name"].Text()) && d["spec"]!["replicas"] is not null)
            .Select(d => d["metadata"]!["name"].Text())
            .ToList();

        Assert.True(both.Count == 0, $"{folder}: replica counts on Deployments an autoscaler owns: {string.Join(", ", both)}");
        Assert.NotEmpty(scaled);
    }

    [SkippableFact]
    public void In_production_every_deployment_is_autoscaled_from_two_replicas()
    {
        var rendering = Kustomize.Render(Kustomize.Production);

        foreach (var deployable in Deployable.All)
        {
            var autoscaler = rendering.Single("HorizontalPodAutoscaler", deployable.KubernetesName);
            Assert.Equal(deployable.KubernetesName, autoscaler["spec"]!["scaleTargetRef"]!["name"].Text());
            Assert.True(int.Parse(autoscaler["spec"]!["minReplicas"].Text()) >= 2, $"{deployable.KubernetesName}: its autoscaler may go below two replicas");
        }
    }
}
