using System.CommandLine;

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
    /// <summary>The practitioner the call is made for (x-mash-practitioner-id, -name, -role); none when not given.</summary>
    public (string Id, string Name, string Role) Practitioner { get; init; } = ("", "", "");

    public const string DefaultGateway = "http://127.0.0.1:5100";
    public const string DefaultPurpose = "MASH screening";
    public const string DefaultLawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK";
    public const string GatewayVariable = "MASH_GATEWAY";
    public const string CaCertificateVariable = "MASH_CACERT";

    public static CliSettings From(ParseResult parse, SharedOptions options, Func<string, string?> environment)
    {
        var gateway = HttpUri("gateway", parse.GetValue(options.Gateway) ?? NonEmpty(environment(GatewayVariable)) ?? DefaultGateway);
        var tokenUrl = parse.GetValue(options.TokenUrl) is { } url ? HttpUri("token-url", url) : new Uri(gateway, "/connect/token");
        var purpose = parse.GetValue(options.Purpose) ?? DefaultPurpose;
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
            NonEmpty(parse.GetValue(options.Client)),
            parse.GetValue(options.Secret),
            NonEmpty(parse.GetValue(options.Token)),
            NonEmpty(parse.GetValue(options.Scope)),
            NonEmpty(parse.GetValue(options.DataDirectory)),
            parse.GetValue(options.Json),
            purpose.Trim(),
            Choices.LawfulBasisName(parse.GetValue(options.LawfulBasis) ?? DefaultLawfulBasis),
            NonEmpty(parse.GetValue(options.CaCertificate)) ?? NonEmpty(environment(CaCertificateVariable)))
        {
            Practitioner = (
                NonEmpty(parse.GetValue(options.PractitionerId)) ?? "",
                NonEmpty(parse.GetValue(options.PractitionerName)) ?? "",
                NonEmpty(parse.GetValue(options.PractitionerRole)) ?? ""),
        };
    }

    private static Uri HttpUri(string option, string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--{option} must be an http:// or https:// address (got '{text}')");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
