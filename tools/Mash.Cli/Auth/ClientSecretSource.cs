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
        var files = DevClientSecretsFile.FilesUnder(dataDirectory);
        if (files.Count == 0)
        {
            throw new UsageException(
                $"no secret for client '{clientId}': pass --secret, set {EnvironmentVariable}, or start the gateway once so it writes "
                + $"{DevClientSecretsFile.PathIn(dataDirectory)} (see --data-dir)");
        }

        var found = files.Select(path => (Path: path, Secret: Read(path, clientId))).Where(f => !string.IsNullOrEmpty(f.Secret)).ToList();
        return found.Count switch
        {
            1 => found[0].Secret!,
            0 => throw new UsageException($"no secret for client '{clientId}' in {string.Join(", ", files)}; check the client id or pass --secret"),
            // Each node's gateway generates its own secrets; guessing could send the wrong one.
            _ => throw new UsageException(
                $"several nodes have a secret for '{clientId}' ({string.Join(", ", found.Select(f => f.Path))}); "
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
