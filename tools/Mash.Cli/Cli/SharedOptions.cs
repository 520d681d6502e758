using System.CommandLine;

namespace Mash.Cli;

/// <summary>
/// The options every command takes: where the gateway is, how to get a token, what the audit
/// trail records, and the output form. They belong to the root command and are recursive, so
/// they may be given before or after the command and every command's help lists them.
/// </summary>
internal sealed class SharedOptions
{
    public Option<string> Gateway { get; } = Shared(CliOptions.Text("--gateway", "URL",
        $"gRPC address of the gateway (env {CliSettings.GatewayVariable}; default {CliSettings.DefaultGateway}, cleartext HTTP/2; "
        + "https:// for TLS, e.g. a launcher started with --tls)."));

    public Option<string> CaCertificate { get; } = Shared(CliOptions.Text("--cacert", "FILE",
        $"A certificate (PEM) to trust for an https:// gateway besides the machine's roots (env {CliSettings.CaCertificateVariable}). "
        + "Default: the certificate the node.json of the node serving --gateway names (launcher --tls)."));

    public Option<string> TokenUrl { get; } = Shared(CliOptions.Text("--token-url", "URL",
        "Token endpoint (default: gateway + /connect/token). On the gateway's own http:// address it is called with HTTP/2 prior "
        + "knowledge; anything else with HTTP/1.1, e.g. http://127.0.0.1:5101/connect/token."));

    public Option<string> Client { get; } = Shared(CliOptions.Text("--client", "ID",
        "Client id for the client-credentials grant (see the development clients in 'help')."));

    public Option<string> Secret { get; } = Shared(CliOptions.Text("--secret", "S",
        $"Client secret. Else env {ClientSecretSource.EnvironmentVariable}, else the gateway's development secrets file "
        + "{data-dir}/gateway/dev-client-secrets.json."));

    public Option<string> DataDirectory { get; } = Shared(CliOptions.Text("--data-dir", "DIR",
        "The gateway's data directory (default: .mash in the repository root). When it holds Mash.Node node folders instead "
        + "(.mash/local-police/, .mash/local-social-care/), the secret is taken from the node whose gateway is --gateway: as its "
        + "node.json says, else local-police on port 5100 and local-social-care on 5200. Give a node's folder "
        + "(e.g. --data-dir .mash/local-social-care) or --secret when that cannot be told."));

    public Option<string> Scope { get; } = Shared(CliOptions.Text("--scope", "S", "Token scope (default: all the client's roles)."));

    public Option<string> Token { get; } = Shared(CliOptions.Text("--token", "T", "Use this access token instead of fetching one."));

    public Option<string> Purpose { get; } = Shared(CliOptions.Text("--purpose", "TEXT",
        $"Why the record is needed, sent as x-mash-purpose (default \"{CliSettings.DefaultPurpose}\"); kept in the audit trail."));

    public Option<string> LawfulBasis { get; } = Shared(CliOptions.Text("--lawful-basis", "B",
        $"Sent as x-mash-lawful-basis (default {CliSettings.DefaultLawfulBasis}); {string.Join(", ", Choices.LawfulBasisShortNames)}, "
        + "with or without the LAWFUL_BASIS_ prefix."));

    public Option<bool> Json { get; } = Shared(CliOptions.Flag("--json", "Print responses as protobuf JSON (proto field names)."));

    public Option<string> PractitionerId { get; } = Shared(CliOptions.Text("--practitioner-id", "ID",
        "The person the call is made for, sent as x-mash-practitioner-id (with --practitioner-name and --practitioner-role); kept in the audit trail."));

    public Option<string> PractitionerName { get; } = Shared(CliOptions.Text("--practitioner-name", "NAME", "The practitioner's name (x-mash-practitioner-name)."));

    public Option<string> PractitionerRole { get; } = Shared(CliOptions.Text("--practitioner-role", "ROLE", "The practitioner's role, e.g. \"social worker\" (x-mash-practitioner-role)."));

    public IEnumerable<Option> All =>
        [Gateway, CaCertificate, TokenUrl, Client, Secret, DataDirectory, Scope, Token, Purpose, LawfulBasis, PractitionerId, PractitionerName, PractitionerRole, Json];

    private static T Shared<T>(T option)
        where T : Option
    {
        option.Recursive = true;
        return option;
    }
}
