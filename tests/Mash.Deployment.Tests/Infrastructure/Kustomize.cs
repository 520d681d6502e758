using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>Kustomizations rendered offline with <c>kubectl kustomize</c>, once per folder.</summary>
internal static class Kustomize
{
    public const string Base = "k8s/base";
    public const string Development = "k8s/overlays/development";
    public const string Production = "k8s/overlays/production";

    public static IReadOnlyList<string> AllFolders { get; } = [Base, Development, Production];

    public static TheoryData<string> Folders => [.. AllFolders];
    public static TheoryData<string> Overlays => [Development, Production];

    private static readonly Lazy<string?> Kubectl = new(FindKubectl);
    private static readonly ConcurrentDictionary<string, Lazy<Rendering>> Renderings = new();

    /// <summary>The rendered resources; skips the test when kubectl is not installed.</summary>
    public static Rendering Render(string folder)
    {
        Skip.If(Kubectl.Value is null, "kubectl is not on PATH: the kustomizations cannot be rendered here");
        return Renderings.GetOrAdd(folder, f => new Lazy<Rendering>(() => new Rendering(f, Run(f)))).Value;
    }

    private static IReadOnlyList<JsonNode> Run(string folder)
    {
        var start = new ProcessStartInfo(Kubectl.Value!, ["kustomize", Repo.PathOf(folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {folder} did not finish in 60 s");
        }

        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed: {error.Result}");
        return Yaml.LoadAll(output.Result);
    }

    private static string? FindKubectl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl"))
            .FirstOrDefault(File.Exists);
}

/// <summary>One rendered kustomization, with the lookups the tests need.</summary>
internal sealed class Rendering(string folder, IReadOnlyList<JsonNode> resources)
{
    public string Folder => folder;
    public IReadOnlyList<JsonNode> Resources => resources;

    public IEnumerable<JsonNode> OfKind(string kind) => resources.Where(r => r["kind"].Text() == kind);

    public JsonNode Single(string kind, string name)
    {
        var found = OfKind(kind).Where(r => r["metadata"]?["name"].Text() == name).ToList();
        Assert.True(found.Count == 1, $"{folder}: expected one {kind} named {name}, found {found.Count}");
        return found[0];
    }

    public static JsonNode PodSpec(JsonNode workload) => workload["spec"]!["template"]!["spec"]!;

    public static IReadOnlyDictionary<string, string> PodLabels(JsonNode workload) =>
        workload["spec"]!["template"]!["metadata"]!["labels"].Entries().ToDictionary(p => p.Key, p => p.Value.Text());

    public static IEnumerable<JsonNode> Containers(JsonNode workload) =>
        PodSpec(workload)["initContainers"].Items().Concat(PodSpec(workload)["containers"].Items());

    public static JsonNode MainContainer(JsonNode workload) => PodSpec(workload)["containers"].Items().First();

    /// <summary>A container's environment: its ConfigMaps' data, then its own env (secrets as "secret:name/key").</summary>
    public IReadOnlyDictionary<string, string> Environment(JsonNode container)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container["envFrom"].Items())
        {
            var name = source["configMapRef"]?["name"].Text();
            Assert.False(string.IsNullOrEmpty(name), $"{folder}: only ConfigMaps are expected in envFrom");
            foreach (var (key, value) in Single("ConfigMap", name!)["data"].Entries())
            {
                environment[key] = value.Text();
            }
        }

        foreach (var variable in container["env"].Items())
        {
            var secret = variable["valueFrom"]?["secretKeyRef"];
            environment[variable["name"].Text()] = secret is null ? variable["value"].Text() : $"secret:{secret["name"].Text()}/{secret["key"].Text()}";
        }

        return environment;
    }

    /// <summary>Whether a label selector (matchLabels only, as used here) picks a pod with these labels.</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels) =>
        selector?["matchLabels"].Entries().All(p => labels.TryGetValue(p.Key, out var value) && value == p.Value.Text()) ?? true;

    public IEnumerable<(string Name, IReadOnlyDictionary<string, string> Labels)> Pods() =>
        OfKind("Deployment").Concat(OfKind("StatefulSet")).Select(w => (w["metadata"]!["name"].Text(), PodLabels(w)));
}
