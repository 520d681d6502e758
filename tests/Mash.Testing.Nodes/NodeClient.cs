using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Referral.V1;
using Mash.Node.Hosting;
using Mash.Platform.Tls;

namespace Mash.Testing.Nodes;

/// <summary>A partner's view of one running node: tokens from its gateway, clients through it.</summary>
public sealed class NodeClient(RunningNode node) : IDisposable
{
    private readonly Dictionary<string, string> _tokens = [];
    private readonly HttpClient _http = new(ExtraRootTrust.Handler(node.Options.Tls?.CertificatePath)) { Timeout = TimeSpan.FromSeconds(10) };
    private GrpcChannel? _channel;

    public RunningNode Node => node;
    public NodeOptions Options => node.Options;

    private GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Options.GatewayAddress, new GrpcChannelOptions
    {
        HttpHandler = ExtraRootTrust.Handler(Options.Tls?.CertificatePath),
    });

    /// <summary>REST through the gateway's HTTP/1.1 port, trusting the node's certificate when it has one.</summary>
    public HttpClient Http => _http;

    public ReferralService.ReferralServiceClient Referrals() => new(Channel);
    public AssessmentService.AssessmentServiceClient Assessments() => new(Channel);
    public Mash.Contracts.Missing.V1.MissingService.MissingServiceClient Missing() => new(Channel);
    public Mash.Contracts.Events.V1.DeadLetterService.DeadLetterServiceClient DeadLetters() => new(Channel);
    public Mash.Contracts.Strategy.V1.StrategyDiscussionService.StrategyDiscussionServiceClient Strategy() => new(Channel);
    public Mash.Contracts.Offender.V1.OffenderService.OffenderServiceClient Offenders() => new(Channel);
    public Mash.Contracts.Custody.V1.CustodyService.CustodyServiceClient Custody() => new(Channel);
    public Mash.Contracts.Investigation.V1.InvestigationService.InvestigationServiceClient Investigations() => new(Channel);
    public Mash.Contracts.Encompass.V1.EncompassService.EncompassServiceClient Encompass() => new(Channel);
    public Mash.Contracts.Governance.V1.GovernanceService.GovernanceServiceClient Governance() => new(Channel);
    public Mash.Contracts.Figures.V1.FiguresService.FiguresServiceClient Figures() => new(Channel);

    public string SecretOf(string clientId) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(Options.NodeDataDirectory, "gateway", "dev-client-secrets.json")))![clientId];

    /// <summary>A token from the node's token endpoint, as a partner would get one.</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(clientId, out var cached))
            {
                return cached;
            }
        }

        var token = await RequestTokenAsync(clientId);
        lock (_tokens)
        {
            _tokens[clientId] = token;
        }

        return token;
    }

    public async Task<Metadata> AsAsync(string clientId) => Headers(await TokenAsync(clientId));

    /// <summary>
    /// As a well-behaved partner asks: the token endpoint limits requests per address (to slow secret guessing),
    /// so a 429 is waited out as its Retry-After says (a second when it says nothing), a few times.
    /// </summary>
    private async Task<string> RequestTokenAsync(string clientId)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = SecretOf(clientId),
            });
            using var response = await _http.PostAsync(new Uri(Options.GatewayHttpAddress + "/connect/token"), form);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && attempt < 10)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }
    }

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

    public void Dispose()
    {
        _channel?.Dispose();
        _http.Dispose();
    }
}
