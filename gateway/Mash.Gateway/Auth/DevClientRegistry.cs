using System.Security.Cryptography;
using System.Text;
using Mash.Platform.Auth;

namespace Mash.Gateway.Auth;

/// <summary>The development clients the token endpoint knows, and their authentication.</summary>
internal sealed class DevClientRegistry
{
    private readonly Dictionary<string, DevClient> _clients;

    public DevClientRegistry(IEnumerable<DevClient> clients)
    {
        _clients = new Dictionary<string, DevClient>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            if (!AgencyNames.All.Contains(client.Agency))
            {
                throw new InvalidOperationException($"Development client '{client.ClientId}' names an unknown agency '{client.Agency}'.");
            }

            if (string.IsNullOrEmpty(client.ClientId) || string.IsNullOrEmpty(client.Secret) || !_clients.TryAdd(client.ClientId, client))
            {
                throw new InvalidOperationException($"Development client '{client.ClientId}' needs a unique client id and a secret.");
            }
        }
    }

    public IReadOnlyCollection<DevClient> Clients => _clients.Values;

    /// <summary>The client whose secret matches, compared in constant time (an unknown id costs the same).</summary>
    public DevClient? Authenticate(string clientId, string secret)
    {
        var known = _clients.TryGetValue(clientId, out var client);
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(known ? client!.Secret : "\0 no such client"));
        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(expected, offered) && known ? client : null;
    }
}
