using Mash.Node.Hosting;

namespace Mash.Node;

/// <summary>What a person needs once the nodes are up: where they are and how to get a token.</summary>
internal static class Banner
{
    public static void Print(IReadOnlyList<NodeOptions> nodes, TextWriter output)
    {
        foreach (var node in nodes)
        {
            PrintNode(node, output);
        }

        var police = nodes[0];
        var client = DevClient.Read(police).First(c => c.Roles.Count > 0);
        output.WriteLine("Get a token from a node's gateway (each node has its own issuer and clients):");
        var trust = police.Tls is null ? "" : $"--cacert {police.Tls.CertificatePath} ";
        output.WriteLine($"  curl -s {trust}{police.GatewayHttpAddress}/connect/token -d grant_type=client_credentials -d client_id={client.ClientId} -d client_secret={client.Secret}");
        output.WriteLine(police.Tls is null
            ? "Or use the repository's client, which finds the secret itself:"
            : "Or use the repository's client, which finds the secret and the gateway's certificate itself:");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- submit --client {client.ClientId}{(police.Tls is null ? "" : " --gateway " + police.GatewayAddress)}");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- list --client social-care-mash --gateway {nodes[^1].GatewayAddress}   (the MASH front door's queue)");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- raise-flag --client {client.ClientId}{(police.Tls is null ? "" : " --gateway " + police.GatewayAddress)} --nhs \"999 123 4578\" --risk high --reason ... --evidence ...");
        output.WriteLine($"  dotnet run --project tools/Mash.Cli -- profile --client social-care-mash --gateway {nodes[^1].GatewayAddress} --nhs \"999 123 4578\"");
        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
    }

    private static void PrintNode(NodeOptions node, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Node '{node.NodeId}' ({node.Agency}, area {node.Area}; the area's MASH front door: {node.FrontDoorNode ?? node.NodeId}):");
        output.WriteLine($"  gateway, gRPC (HTTP/2):       {node.GatewayAddress}");
        output.WriteLine($"  gateway, tokens (HTTP/1.1):   {node.GatewayHttpAddress}/connect/token");
        if (node.Tls is not null)
        {
            output.WriteLine($"  gateway's TLS certificate:    {node.Tls.CertificatePath} (self-signed for 127.0.0.1 and localhost: trust it in your client)");
        }

        foreach (var service in ServiceSpec.All)
        {
            output.WriteLine($"  {service.Name + " service",-28} {node.AddressOf(service)} (reached through the gateway)");
        }

        output.WriteLine($"  data:                         {node.NodeDataDirectory}");
        output.WriteLine("  development clients (secrets generated on first run):");
        var clients = DevClient.Read(node);
        var width = clients.Max(c => c.ClientId.Length);
        foreach (var client in clients)
        {
            var roles = client.Roles.Count > 0 ? string.Join(' ', client.Roles) : "(no roles)";
            var school = client.SchoolUrn is { } urn ? $" (school URN {urn})" : "";
            output.WriteLine($"    {client.ClientId.PadRight(width)} {client.Agency,-22} secret {client.Secret}  {roles}{school}");
        }

        output.WriteLine();
    }
}
