using Mash.Node.Hosting;

namespace Mash.Node;

/// <summary>What a person needs once the node is up: where it is and how to get a token.</summary>
internal static class Banner
{
    public static void Print(NodeOptions node, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Mash node '{node.NodeId}' ({node.Agency}, area {node.Area}) is running on 127.0.0.1:");
        output.WriteLine($"  gateway, gRPC (HTTP/2):            {node.GatewayAddress}");
        output.WriteLine($"  gateway, tokens (HTTP/1.1):        {node.GatewayHttpAddress}/connect/token");
        output.WriteLine($"  referral service (gateway only):   {node.ReferralAddress}");
        output.WriteLine($"  data (SQLite, generated keys):     {node.NodeDataDirectory}");
        output.WriteLine();
        output.WriteLine("Development clients (secrets generated on first run, kept in the data folder):");
        var clients = DevClient.Read(node);
        foreach (var client in clients)
        {
            var roles = client.Roles.Count > 0 ? string.Join(' ', client.Roles) : "(no roles)";
            output.WriteLine($"  {client.ClientId,-18} {client.Agency,-22} secret {client.Secret}  {roles}");
        }

        var police = clients.FirstOrDefault(c => c.Agency == "police" && c.Roles.Count > 0) ?? clients[0];
        output.WriteLine();
        output.WriteLine("Get a token:");
        output.WriteLine($"  curl -s {node.GatewayHttpAddress}/connect/token -d grant_type=client_credentials -d client_id={police.ClientId} -d client_secret={police.Secret}");
        output.WriteLine("Or use the repository's client, which finds the secret itself:");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- submit --client {police.ClientId}");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- list --client {police.ClientId}");
        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
