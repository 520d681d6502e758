using System.Text.Json;

namespace Mash.Cli;

/// <summary>
/// Reads a development client's secret from the file the gateway writes on first run,
/// <c>{dataDir}/gateway/dev-client-secrets.json</c>. Its layout is not settled, so both shapes
/// in use are read: an object mapping client id to secret, or an array of objects with
/// ClientId and Secret properties in any letter case.
/// </summary>
internal static class DevClientSecretsFile
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "gateway", "dev-client-secrets.json");

    /// <summary>
    /// The node folders one level below a data directory that hold a secrets file (the Mash.Node
    /// launcher gives each node a subfolder, <c>.mash/local-police/gateway/...</c>), by name.
    /// </summary>
    public static IReadOnlyList<string> NodeFoldersUnder(string dataDirectory) =>
        Directory.Exists(dataDirectory)
            ? [.. Directory.EnumerateDirectories(dataDirectory).Where(folder => File.Exists(PathIn(folder))).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The gateway's default data directory is <c>.mash</c> under the repository root, so look for
    /// the root (the folder with Mash.sln) above the working directory, then above the binary,
    /// which <c>dotnet run --project</c> builds inside the repository wherever it is started.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        var root = FindRepositoryRoot(Environment.CurrentDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        return Path.Combine(root ?? Environment.CurrentDirectory, ".mash");
    }

    /// <summary>The client's secret, or null when the file has none for it.</summary>
    public static string? Find(string json, string clientId)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            return root.TryGetProperty(clientId, out var secret) && secret.ValueKind == JsonValueKind.String ? secret.GetString() : null;
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (Property(entry, "clientId") == clientId)
                {
                    return Property(entry, "secret");
                }
            }
        }

        return null;
    }

    private static string? Property(JsonElement entry, string name) =>
        entry.EnumerateObject()
            .Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Mash.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
