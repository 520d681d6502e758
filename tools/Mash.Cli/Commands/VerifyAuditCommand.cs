using System.CommandLine;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli;

/// <summary><c>verify-audit</c>: walks each service's audit chain and names its first broken link.</summary>
internal sealed class VerifyAuditCommand : ICliCommand
{
    private readonly Option<string> _service = CliOptions.Text("--service", "NAME", "One service (referral, assessment, strategy, offender, custody, investigation); every service when left out.");

    public VerifyAuditCommand() => Definition = new Command("verify-audit",
        "Verify each service's audit chain from its first entry; exit code 1 when one is broken [Audit.Verify].").With([_service]);

    public Command Definition { get; }

    public VerifyAuditChainsRequest Request(CommandContext context) => new() { Service = context.Parse.GetValue(_service) ?? "" };

    public async Task<int> RunAsync(CommandContext context)
    {
        var answer = await context.Governance.VerifyAuditChainsAsync(Request(context), await context.CallOptionsAsync());
        if (context.Settings.Json)
        {
            JsonOutput.Write(context.Out, answer);
        }
        else
        {
            GovernancePrinter.PrintVerification(context.Out, answer);
        }

        return answer.AllIntact ? 0 : 1;
    }
}
