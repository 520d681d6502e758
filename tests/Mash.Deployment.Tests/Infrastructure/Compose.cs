using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>docker-compose.yml, read once.</summary>
internal static partial class Compose
{
    public const string File = "docker-compose.yml";

    private static readonly Lazy<JsonObject> Document = new(() => Yaml.LoadFile(File));

    public static JsonObject Services => Document.Value["services"]!.AsObject();

    public static JsonNode Service(string name)
    {
        Assert.True(Services.ContainsKey(name), $"{File}: no service '{name}'");
        return Services[name]!;
    }

    /// <summary>The compose service that runs a deployable's migrations (<c>--migrate-only</c>).</summary>
    public static string MigrationOf(Deployable deployable) => deployable.ComposeService + "-migrate";

    public static IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service)["environment"].Entries().ToDictionary(pair => pair.Key, pair => pair.Value.Text());

    public static string Env(string service, string name)
    {
        var environment = Environment(service);
        Assert.True(environment.ContainsKey(name), $"{File}: service '{service}' does not set {name}");
        return environment[name];
    }

    /// <summary>The ${VARIABLE} references (with or without :? messages) in a value.</summary>
    public static IEnumerable<string> Variables(string value) => Variable().Matches(value).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)(?::?[?\-][^}]*)?\}")]
    private static partial Regex Variable();
}
