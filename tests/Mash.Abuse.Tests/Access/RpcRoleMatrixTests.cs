using Mash.Abuse.Tests.Infrastructure;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.Abuse.Tests.Access;

/// <summary>
/// Every public RPC x every role (a token with exactly that role, or none), against the table:
/// allowed calls get past authorization (a validation error for the empty request is fine),
/// forbidden ones are PERMISSION_DENIED, through the gateway and at each service directly.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class RpcRoleMatrixTests(AbuseNode node)
{
    [Fact]
    public void The_table_names_every_rpc_in_the_contracts_and_nothing_else()
    {
        var inContracts = PublicRpcs.AllMethods.Select(PublicRpcs.PathOf).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(inContracts.Except(RoleTable.AllowedRoles.Keys));
        Assert.Empty(RoleTable.AllowedRoles.Keys.Except(inContracts));
        Assert.All(RoleTable.AllowedRoles.Values.SelectMany(r => r), role => Assert.Contains(role, RoleTable.Roles));
    }

    [Fact]
    public async Task Through_the_gateway_each_rpc_answers_each_role_as_the_table_says()
    {
        var calls = Calls().ToList();

        var wrong = await Matrix.RunAsync(node.Raw, calls, _ => node.GatewayAddress);

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls.Count} calls differ from the table:\n{string.Join('\n', wrong)}");
        Assert.True(calls.Count >= PublicRpcs.AllMethods.Count * (RoleTable.Roles.Count + 1));
    }

    [Fact]
    public async Task At_each_service_directly_each_rpc_answers_each_role_as_the_table_says()
    {
        // No gateway in front: each service authorizes every call itself (defence in depth).
        var calls = Calls().ToList();

        var wrong = await Matrix.RunAsync(node.Raw, calls, call => call.Headers.TryGetValue("x-mash-service", out var name)
            ? node.AddressOf(ServiceSpec.All.Single(s => s.Name == name))
            : node.DirectAddressOf(call.Method.Split('/')[1]));

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls.Count} calls differ from the table:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public async Task Each_agencys_own_client_reaches_only_what_its_roles_allow()
    {
        // The partners' real clients, with tokens from the node's token endpoint.
        var clients = DevClient.Read(node.Options);
        var calls = new List<MatrixCall>();
        foreach (var client in clients)
        {
            var token = await node.Client.TokenAsync(client.ClientId);
            calls.AddRange(
                from method in RoleTable.AllowedRoles.Keys
                from headers in Matrix.HeaderVariants(method)
                select new MatrixCall(method, $"{client.ClientId} ({client.Agency})", token, RoleTable.Allows(method, client.Roles), headers));
        }

        var wrong = await Matrix.RunAsync(node.Raw, calls, _ => node.GatewayAddress);

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls.Count} calls differ from the table:\n{string.Join('\n', wrong)}");
        Assert.Contains(clients, c => c.Agency == "education");
    }

    private IEnumerable<MatrixCall> Calls()
    {
        var tokens = RoleTable.Roles.Append("(no role)").ToDictionary(
            role => role,
            role => node.Tokens.WithRoles(role == "(no role)" ? [] : [role]));
        return from method in RoleTable.AllowedRoles.Keys
               from role in tokens.Keys
               from headers in Matrix.HeaderVariants(method)
               select new MatrixCall(method, role, tokens[role], RoleTable.Allows(method, [role]), headers);
    }
}
