using Mash.Cli.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;

namespace Mash.Cli.Tests;

/// <summary>What the governance commands would send for a command line.</summary>
public sealed class GovernanceCommandTests
{
    [Fact]
    public async Task Accesses_sends_the_child_in_the_body_and_the_page()
    {
        var sent = (await CliInProcess.RunAsync("accesses", "--nhs", "999 123 4578", "--page-size", "20"))
            .Sent((AccessesCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ChildIdentity { NhsNumber = "999 123 4578" }, sent.Child);
        Assert.Equal(20, sent.Page.PageSize);
    }

    [Fact]
    public async Task Disclosures_asks_for_one_child_only_when_a_child_option_is_given()
    {
        var forChild = (await CliInProcess.RunAsync("disclosures", "--nhs", "999 123 4578")).Sent((DisclosuresCommand c, CommandContext x) => c.Request(x));
        var everyone = (await CliInProcess.RunAsync("disclosures")).Sent((DisclosuresCommand c, CommandContext x) => c.Request(x));

        Assert.Equal("999 123 4578", forChild.Child.NhsNumber);
        Assert.Null(everyone.Child);
    }

    [Fact]
    public async Task Agreements_and_verify_audit_send_their_filters()
    {
        var agreements = (await CliInProcess.RunAsync("agreements", "--ending-soon")).Sent((AgreementsCommand c, CommandContext x) => c.Request(x));
        var verify = (await CliInProcess.RunAsync("verify-audit", "--service", "assessment")).Sent((VerifyAuditCommand c, CommandContext x) => c.Request(x));

        Assert.True(agreements.EndingSoonOnly);
        Assert.Equal(new VerifyAuditChainsRequest { Service = "assessment" }, verify);
    }

    [Fact]
    public async Task The_practitioner_options_are_kept_for_the_call_metadata()
    {
        var settings = (await CliInProcess.RunAsync("list", "--practitioner-id", "sw-4411", "--practitioner-name", "Zoë Adebayo", "--practitioner-role", "social worker")).Settings;

        Assert.Equal(("sw-4411", "Zoë Adebayo", "social worker"), settings.Practitioner);
    }
}
