using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Tls;

namespace Mash.Cli;

/// <summary>
/// What a command works with: its parsed command line, the shared settings, the output streams, and the
/// one gRPC channel of the run, opened on first use so <c>help</c> and <c>token</c> never open one.
/// </summary>
internal sealed class CommandContext : IDisposable
{
    /// <summary>Every call gets the same deadline, so a stuck gateway cannot hang a script.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly Func<string, string?> _environment;
    private GrpcChannel? _channel;
    private Lazy<string?>? _trustedCertificate;
    private string? _token;

    public CommandContext(ParseResult parse, CliSettings settings, TextWriter output, TextWriter errors, Func<string, string?> environment, CancellationToken cancellation)
    {
        Parse = parse;
        Settings = settings;
        Out = output;
        Err = errors;
        _environment = environment;
        Cancellation = cancellation;
    }

    public ParseResult Parse { get; }
    public CliSettings Settings { get; }
    public TextWriter Out { get; }
    public TextWriter Err { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>The option's value; for an option not given, null (or false, or an enum's unspecified value).</summary>
    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>A required option's value, which the parser has already made sure is there.</summary>
    public T Required<T>(Option<T> option) => Parse.GetRequiredValue(option);

    /// <summary>A repeatable option's values; none when it was not given.</summary>
    public IReadOnlyList<T> Values<T>(Option<IReadOnlyList<T>> option) => Parse.GetValue(option) ?? [];

    public bool Has(Option option) => Parse.GetResult(option) is not null;

    public ReferralService.ReferralServiceClient Referrals => new(Channel);

    /// <summary>The Assessment service, behind the same gateway (and so the same channel) as Referral.</summary>
    public AssessmentService.AssessmentServiceClient Assessments => new(Channel);

    /// <summary>The StrategyDiscussion service, behind the same gateway too.</summary>
    public StrategyDiscussionService.StrategyDiscussionServiceClient Strategy => new(Channel);

    /// <summary>The node's governance answers, served by the gateway itself over every service.</summary>
    public Mash.Contracts.Governance.V1.GovernanceService.GovernanceServiceClient Governance => new(Channel);

    /// <summary>The partnership's figures, also put together by the gateway from every service's part.</summary>
    public Mash.Contracts.Figures.V1.FiguresService.FiguresServiceClient Figures => new(Channel);

    private GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Settings.Gateway, new GrpcChannelOptions
    {
        HttpHandler = ExtraRootTrust.Handler(TrustedCertificate),
    });

    /// <summary>The certificate trusted for an https gateway, looked up once per run (the token and the calls share it).</summary>
    private string? TrustedCertificate => (_trustedCertificate ??= new(() => GatewayTrust.CertificateFor(Settings))).Value;

    /// <summary>The access token: <c>--token</c> as given, else one fetched once for <c>--client</c>.</summary>
    public async Task<string> AccessTokenAsync() =>
        _token ??= Settings.Token ?? (await FetchTokenAsync()).AccessToken;

    /// <summary>A new token for <c>--client</c>, with its secret from wherever it is found.</summary>
    public async Task<TokenResponse> FetchTokenAsync()
    {
        var clientId = Settings.ClientId ?? throw new UsageException("--client is required (or pass an existing --token)");
        var secret = ClientSecretSource.Resolve(clientId, Settings, _environment);
        using var tokens = TokenClient.Create(Settings.TokenUrl, Settings.Gateway, CallTimeout, TrustedCertificate);
        return await tokens.RequestTokenAsync(clientId, secret, Settings.Scope, Cancellation);
    }

    /// <summary>
    /// Options for any service call: the bearer token, the purpose and lawful basis the
    /// audit trail records for every access to a child's record, and the deadline.
    /// </summary>
    public async Task<CallOptions> CallOptionsAsync()
    {
        var token = await AccessTokenAsync();
        var headers = new Metadata
        {
            { "authorization", "Bearer " + token },
            { "x-mash-purpose", Settings.Purpose },
            { "x-mash-lawful-basis", Settings.LawfulBasis },
        };
        var (id, name, role) = Settings.Practitioner;
        foreach (var (key, value) in new[] { ("x-mash-practitioner-id", id), ("x-mash-practitioner-name", name), ("x-mash-practitioner-role", role) })
        {
            if (value.Length > 0)
            {
                // Metadata is ASCII: a name like "Zoë" travels percent-encoded, as the services expect.
                headers.Add(key, Uri.EscapeDataString(value));
            }
        }

        return new CallOptions(headers, DateTime.UtcNow.Add(CallTimeout), Cancellation);
    }

    public void Dispose() => _channel?.Dispose();
}
