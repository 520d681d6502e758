namespace Mash.Cli;

/// <summary>
/// Where a client's secret comes from, first found wins: <c>--secret</c>, the
/// <c>MASH_CLIENT_SECRET</c> environment variable (kept out of shell history and process
/// listings), then the gateway's generated development secrets file.
/// </summary>
internal static class ClientSecretSource
{
    public const string EnvironmentVariable = "MASH_CLIENT_SECRET";

    public static string Resolve(string clientId, CliSettings settings, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(settings.Secret))
        {
            return settings.Secret;
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var dataDirectory = settings.DataDirectory is null ? DevClientSecretsFile.DefaultDataDirectory() : Path.GetFullPath(settings.DataDirectory);
        var own = DevClientSecretsFile.PathIn(dataDirectory);
        if (File.Exists(own))
        {
            // A gateway's own data directory (or a node folder given as --data-dir): no choosing.
            return Read(own, clientId) is { Length: > 0 } secret
                ? secret
                : throw new UsageException($"no secret for client '{clientId}' in {own}; check the client id or pass --secret");
        }

        var nodes = DevClientSecretsFile.NodeFoldersUnder(dataDirectory).Select(NodeFolder.Read).ToList();
        if (nodes.Count == 0)
        {
            throw new UsageException(
                $"no secret for client '{clientId}': pass --secret, set {EnvironmentVariable}, or start the gateway once so it writes "
                + $"{own} (see --data-dir)");
        }

        return FromNodes(clientId, settings.Gateway, dataDirectory, nodes);
    }

    /// <summary>
    /// Every node's gateway generates its own secrets, so a client id is in each node's file with a
    /// different secret: the one to send is that of the node serving <c>--gateway</c> (by its
    /// node.json, else the launcher's default ports). Failing that, a secret only one node has is
    /// used, unless that node says it serves another gateway; anything else would be a guess.
    /// </summary>
    private static string FromNodes(string clientId, Uri gateway, string dataDirectory, IReadOnlyList<NodeFolder> nodes)
    {
        var serving = nodes.Where(n => n.Serves(gateway)).ToList();
        if (serving.Any(n => n.GatewayFromFile))
        {
            // What a node.json says outweighs a port assumed from a folder name.
            serving = [.. serving.Where(n => n.GatewayFromFile)];
        }
        if (serving.Count == 1)
        {
            var node = serving[0];
            return Read(node.SecretsFile, clientId) is { Length: > 0 } secret
                ? secret
                : throw new UsageException(
                    $"no secret for client '{clientId}' in {node.SecretsFile}, the file of node {node.Description}, which serves --gateway {gateway}; "
                    + "check the client id or pass --secret");
        }

        var known = string.Join(", ", nodes.Select(n => n.Description));
        // Every node's node.json names another gateway: none of their secrets can be the right one.
        if (serving.Count == 0 && nodes.All(n => n.GatewayFromFile))
        {
            throw new UsageException(
                $"no node under {dataDirectory} serves --gateway {gateway} (nodes: {known}); "
                + "pass the --gateway of one of them, --data-dir with the node's folder, or --secret");
        }

        var candidates = serving.Count > 1 ? serving : nodes;
        var holders = candidates.Select(n => (Node: n, Secret: Read(n.SecretsFile, clientId))).Where(f => !string.IsNullOrEmpty(f.Secret)).ToList();
        return holders.Count switch
        {
            // The only node with this client, unless its node.json says it serves another gateway.
            1 when !holders[0].Node.GatewayFromFile || serving.Count > 1 => holders[0].Secret!,
            1 => throw new UsageException(
                $"only node {holders[0].Node.Description} has a secret for '{clientId}', and it does not serve --gateway {gateway}; "
                + "pass that node's --gateway, or --secret"),
            0 => throw new UsageException(
                $"no secret for client '{clientId}' in {string.Join(", ", candidates.Select(n => n.SecretsFile))}; check the client id or pass --secret"),
            _ => throw new UsageException(
                $"several nodes have a secret for '{clientId}' and which of them serves --gateway {gateway} is not known ({known}); "
                + "pass --data-dir with the node's folder, or --secret"),
        };
    }

    private static string? Read(string path, string clientId)
    {
        try
        {
            return DevClientSecretsFile.Find(File.ReadAllText(path), clientId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new UsageException($"cannot read the development client secrets in {path}: {e.Message}");
        }
    }
}
