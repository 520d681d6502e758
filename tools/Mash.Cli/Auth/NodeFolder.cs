using System.Text.Json;

namespace Mash.Cli;

/// <summary>
/// A node folder the Mash.Node launcher made under the data directory (<c>.mash/local-police/</c>)
/// and the gateway address that node serves. The launcher writes <c>node.json</c>
/// (<c>{"NodeId": ..., "GatewayAddress": ..., "TlsCertificate": ...}</c>) into each node folder once
/// its gateway is up; without it, the launcher's default nodes are assumed on their default ports.
/// </summary>
internal sealed record NodeFolder(string Folder, string NodeId, Uri? Gateway, bool GatewayFromFile, string? TlsCertificate = null)
{
    public const string FileName = "node.json";

    /// <summary>The launcher's default nodes and their gateways, for folders without node.json.</summary>
    private static readonly IReadOnlyDictionary<string, Uri> DefaultGateways = new Dictionary<string, Uri>(StringComparer.Ordinal)
    {
        ["local-police"] = new("http://127.0.0.1:5100"),
        ["local-social-care"] = new("http://127.0.0.1:5200"),
    };

    public string SecretsFile => DevClientSecretsFile.PathIn(Folder);

    /// <summary>"local-police (gateway http://127.0.0.1:5100/)" for messages.</summary>
    public string Description =>
        Gateway is null ? $"{NodeId} (gateway not known)" : $"{NodeId} (gateway {Gateway}{(GatewayFromFile ? "" : ", assumed from the folder name")})";

    /// <summary>
    /// The node in <paramref name="folder"/>. A node.json that is missing, half-written or
    /// without a usable GatewayAddress is passed over for the default mapping, never an error:
    /// it only helps to choose, and --data-dir or --secret always remain.
    /// </summary>
    public static NodeFolder Read(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var (nodeId, gateway, certificate) = ReadFile(Path.Combine(folder, FileName));
        if (gateway is not null)
        {
            return new NodeFolder(folder, nodeId ?? name, gateway, GatewayFromFile: true, certificate);
        }

        return new NodeFolder(folder, nodeId ?? name, DefaultGateways.GetValueOrDefault(name), GatewayFromFile: false);
    }

    /// <summary>
    /// True when this node's gateway is <paramref name="gateway"/>: same scheme and port, and the
    /// same host (localhost, 127.0.0.1 and ::1 counting as one, as they reach the same listener).
    /// </summary>
    public bool Serves(Uri gateway) =>
        Gateway is not null
        && string.Equals(Gateway.Scheme, gateway.Scheme, StringComparison.OrdinalIgnoreCase)
        && Gateway.Port == gateway.Port
        && (string.Equals(Gateway.IdnHost, gateway.IdnHost, StringComparison.OrdinalIgnoreCase) || (Gateway.IsLoopback && gateway.IsLoopback));

    /// <summary>Whether <paramref name="folder"/> is a node folder (it holds node.json), not a data directory of several.</summary>
    public static bool IsNodeFolder(string folder) => File.Exists(Path.Combine(folder, FileName));

    private static (string? NodeId, Uri? Gateway, string? TlsCertificate) ReadFile(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return (null, null, null);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var nodeId = Property(document.RootElement, "NodeId");
            var address = Property(document.RootElement, "GatewayAddress");
            var gateway = Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
            var certificate = Property(document.RootElement, "TlsCertificate");
            return (string.IsNullOrWhiteSpace(nodeId) ? null : nodeId, gateway, string.IsNullOrWhiteSpace(certificate) ? null : certificate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Property(JsonElement element, string name) =>
        element.EnumerateObject()
            .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();
}
