using System.Text.Json;

namespace Mash.Node.Hosting;

/// <summary>The gateway's development clients: ids and roles from its settings, secrets from the node's data.</summary>
public sealed record DevClient(string ClientId, string Agency, IReadOnlyList<string> Roles, string Secret, string? SchoolUrn = null)
{
    public static IReadOnlyList<DevClient> Read(NodeOptions node)
    {
        var settingsPath = Path.Combine(Path.GetDirectoryName(RepositoryLayout.BuiltAssembly("gateway/Mash.Gateway", "Mash.Gateway"))!, "appsettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(settingsPath));
        var secretsPath = Path.Combine(node.NodeDataDirectory, "gateway", "dev-client-secrets.json");
        var secrets = File.Exists(secretsPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secretsPath)) ?? []
            : [];
        return [.. settings.RootElement.GetProperty("Mash").GetProperty("LocalIssuer").GetProperty("Clients").EnumerateArray()
            .Select(c =>
            {
                var id = c.GetProperty(nameof(ClientId)).GetString()!;
                return new DevClient(id, c.GetProperty(nameof(Agency)).GetString()!,
                    [.. c.GetProperty(nameof(Roles)).EnumerateArray().Select(r => r.GetString()!)], secrets.GetValueOrDefault(id, ""),
                    c.TryGetProperty(nameof(SchoolUrn), out var urn) ? urn.GetString() : null);
            })];
    }
}
