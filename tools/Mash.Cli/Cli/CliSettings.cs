namespace Mash.Cli;

/// <summary>The options every command shares, resolved from the command line and the environment.</summary>
internal sealed record CliSettings(
    Uri Gateway,
    Uri TokenUrl,
    string? ClientId,
    string? Secret,
    string? Token,
    string? Scope,
    string? DataDirectory,
    bool Json,
    string Purpose,
    string LawfulBasis,
    string? CaCertificate = null)
{
    public const string DefaultGateway = "http://127.0.0.1:5100";
    public const string DefaultPurpose = "MASH screening";
    public const string DefaultLawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK";

    /// <summary>Option names every command accepts.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["gateway", "token-url", "client", "secret", "token", "scope", "data-dir", "json", "purpose", "lawful-basis", "cacert", "help"];

    /// <summary>Option names that take no value, across all commands.</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal)
    {
        "json", "help", "overdue", "awaiting-outcome", "all", "found", "significant-harm",
        "s47", "abe", "medical", "permission-sought",
    };

    public static CliSettings From(Arguments args, Func<string, string?> environment)
    {
        var gateway = HttpUri("gateway", args.Value("gateway") ?? NonEmpty(environment("MASH_GATEWAY")) ?? DefaultGateway);
        var tokenUrl = args.Value("token-url") is { } url ? HttpUri("token-url", url) : new Uri(gateway, "/connect/token");
        var purpose = args.Value("purpose") ?? DefaultPurpose;
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new UsageException("--purpose cannot be empty: the audit trail records why the record was needed");
        }

        // gRPC metadata values are printable ASCII; anything else would fail inside the HTTP stack.
        if (purpose.Any(c => c is < ' ' or > '~'))
        {
            throw new UsageException("--purpose must be plain printable ASCII text (it travels as gRPC metadata)");
        }

        return new CliSettings(
            gateway,
            tokenUrl,
            NonEmpty(args.Value("client")),
            args.Value("secret"),
            NonEmpty(args.Value("token")),
            NonEmpty(args.Value("scope")),
            NonEmpty(args.Value("data-dir")),
            args.Has("json"),
            purpose.Trim(),
            Choices.LawfulBasisName(args.Value("lawful-basis") ?? DefaultLawfulBasis),
            NonEmpty(args.Value("cacert")) ?? NonEmpty(environment("MASH_CACERT")));
    }

    private static Uri HttpUri(string option, string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--{option} must be an http:// or https:// address (got '{text}')");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
