using Grpc.Net.Client;
using Mash.Contracts.Referral.V1;
using Mash.Gateway.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway listening on free loopback ports (h2c gRPC and HTTP/1.1), proxying to the given
/// backend address, with its own data directory; plus clients and tokens to call it with.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _root;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly Dictionary<string, string> _tokens = [];

    private GatewayHost(WebApplicationFactory<Program> root, WebApplicationFactory<Program> factory, string dataDirectory, int grpcPort, int httpPort)
    {
        _root = root;
        _factory = factory;
        DataDirectory = dataDirectory;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Http = new HttpClient { BaseAddress = HttpAddress };
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Referrals = new ReferralService.ReferralServiceClient(Channel);
    }

    public string DataDirectory { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public HttpClient Http { get; }
    public GrpcChannel Channel { get; }
    public ReferralService.ReferralServiceClient Referrals { get; }
    public IServiceProvider Services => _factory.Services;

    public static GatewayHost Start(
        string dataDirectory, string backendAddress, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development",
        bool https = false, Action<IServiceCollection>? testServices = null)
    {
        var (grpcPort, httpPort) = (FreePort.Next(), FreePort.Next());
        var scheme = https ? "https" : "http";
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"{scheme}://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Http:Url"] = $"{scheme}://127.0.0.1:{httpPort}",
            ["Mash:DataDirectory"] = dataDirectory,
            ["ReverseProxy:Clusters:referral:Destinations:referral-1:Address"] = backendAddress,
            ["Mash:LocalIssuer:TokenRequestsPerSecond"] = "1000",
            ["Mash:LocalIssuer:TokenRequestBurst"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Settings given through WithWebHostBuilder reach Program as command-line arguments:
        // seen while it builds its services, and above appsettings.json.
        var root = new WebApplicationFactory<Program>();
        var factory = root.WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            if (testServices is not null)
            {
                web.ConfigureTestServices(testServices);
            }
        });
        factory.UseKestrel();
        try
        {
            factory.StartServer();
        }
        catch
        {
            root.Dispose();
            throw;
        }

        return new GatewayHost(root, factory, dataDirectory, grpcPort, httpPort);
    }

    public string SecretOf(string clientId) => DevClientSecrets.Load(DataDirectory)[clientId];

    /// <summary>A token from the gateway's own token endpoint, fetched once per client.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        if (!_tokens.TryGetValue(clientId, out var token))
        {
            using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = SecretOf(clientId),
            }));
            response.EnsureSuccessStatusCode();
            var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            token = _tokens[clientId] = json.RootElement.GetProperty("access_token").GetString()!;
        }

        return token;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}
