using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;

namespace Mash.EndToEnd.Tests.Support;

/// <summary>One node (gateway + Referral service as real processes) for a test class, on free ports.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private GrpcChannel? _gatewayChannel;

    public RunningNode Node { get; private set; } = null!;
    public NodeOptions Options => Node.Options;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("mash-e2e-").FullName;
        Node = await RunningNode.StartAsync(new NodeOptions
        {
            GatewayPort = FreePorts.NodeBase(),
            DataDirectory = data,
            PartnershipSecret = "end-to-end-test-partnership-secret",
        });
    }

    public ReferralService.ReferralServiceClient ThroughGateway()
    {
        _gatewayChannel ??= GrpcChannel.ForAddress(Options.GatewayAddress);
        return new ReferralService.ReferralServiceClient(_gatewayChannel);
    }

    public string SecretOf(string clientId) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(Options.NodeDataDirectory, "gateway", "dev-client-secrets.json")))![clientId];

    /// <summary>A token from the gateway's token endpoint, as a partner would get one.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        if (_tokens.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = SecretOf(clientId),
        });
        using var response = await Http.PostAsync(new Uri(Options.GatewayHttpAddress + "/connect/token"), form);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return _tokens[clientId] = token;
    }

    public async Task<Metadata> AsAsync(string clientId) => Headers(await TokenAsync(clientId));

    public static Metadata Headers(string? token)
    {
        var headers = new Metadata
        {
            { "x-mash-purpose", "MASH screening" },
            { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
        };
        if (token is not null)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        return headers;
    }

    public async Task DisposeAsync()
    {
        _gatewayChannel?.Dispose();
        Http.Dispose();
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp folder is cleaned later.
        }
    }
}
