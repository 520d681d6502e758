using System.Security.Cryptography;
using System.Text.Json;
using Mash.Platform.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Gateway.Auth;

/// <summary>
/// Secrets of the development clients, generated on first run and kept in the data directory
/// (<c>gateway/dev-client-secrets.json</c>, client id to secret) so none is ever committed.
/// The launcher and tests read them from there.
/// </summary>
public static class DevClientSecrets
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "gateway", "dev-client-secrets.json");

    /// <summary>The generated secrets by client id; empty before the gateway (or <see cref="Resolve"/>) first ran.</summary>
    public static IReadOnlyDictionary<string, string> Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : new Dictionary<string, string>();
    }

    /// <summary>The configured clients with their secrets, generating and keeping any missing one.</summary>
    public static IReadOnlyList<DevClient> Resolve(IEnumerable<DevClientOptions> clients, string dataDirectory)
    {
        var configured = clients.ToList();
        var path = PathIn(dataDirectory);
        var secrets = new Dictionary<string, string>(Load(dataDirectory));
        var missing = configured.Where(c => string.IsNullOrEmpty(c.Secret) && !secrets.ContainsKey(c.ClientId)).ToList();
        if (missing.Count > 0)
        {
            foreach (var client in missing)
            {
                secrets[client.ClientId] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            }

            var json = JsonSerializer.Serialize(secrets, Indented);
            // The first run goes through LocalSecretFile so two processes starting together agree.
            if (!File.Exists(path))
            {
                LocalSecretFile.ReadOrCreate(path, () => json);
            }
            else
            {
                Replace(path, json);
            }

            secrets = new Dictionary<string, string>(Load(dataDirectory));
        }

        return configured
            .Select(c => new DevClient(c.ClientId, c.Agency, c.Roles, string.IsNullOrEmpty(c.Secret) ? secrets.GetValueOrDefault(c.ClientId, "") : c.Secret, c.SchoolUrn))
            .ToList();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static void Replace(string path, string json)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
