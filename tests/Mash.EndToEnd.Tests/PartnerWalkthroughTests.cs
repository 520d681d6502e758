using System.Text.RegularExpressions;
using Mash.Testing.Nodes;
using Mash.Node.Hosting;

namespace Mash.EndToEnd.Tests;

/// <summary>The README's walk-through with the repository's own client, run as a partner runs it.</summary>
public sealed partial class PartnerWalkthroughTests(NodeFixture node) : IClassFixture<NodeFixture>
{
    private Task<(int ExitCode, string Output, string Errors)> CliAsync(params string[] args) => CliProcess.RunAsync(node.Options, args);

    [Fact]
    public async Task Submit_then_list_with_the_cli_shows_the_referral_with_its_score_and_due_time()
    {
        var submitted = await CliAsync("submit", "--client", "police-mash", "--key", "walkthrough-cli");
        Assert.True(submitted.ExitCode == 0, submitted.Errors);
        var id = ReferralId().Match(submitted.Output).Value;
        Assert.NotEmpty(id);

        var listed = await CliAsync("list", "--client", "social-care-mash");
        Assert.True(listed.ExitCode == 0, listed.Errors);
        var row = listed.Output.Split('\n').Single(line => line.Contains(id, StringComparison.Ordinal));
        Assert.Contains("100", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_entered_after_the_call_was_taken_counts_from_the_call_and_the_chase_list_filters_by_role()
    {
        var receivedAt = DateTime.Now.AddHours(-2).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var submitted = await CliAsync("submit", "--client", "police-mash", "--key", "walkthrough-received-at", "--received-at", receivedAt);
        Assert.True(submitted.ExitCode == 0, submitted.Errors);
        Assert.Contains("(entered ", submitted.Output, StringComparison.Ordinal);

        // This node is its own front door: nothing was sent elsewhere, so nothing waits for an outcome.
        var chase = await CliAsync("list", "--awaiting-outcome", "--role", "referrer-copy", "--client", "police-mash");
        Assert.True(chase.ExitCode == 0, chase.Errors);
        Assert.Contains("No referrals match.", chase.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_call_is_one_clear_line_and_exit_code_1()
    {
        var refused = await CliAsync("list", "--client", "no-roles-client");

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error: PERMISSION_DENIED", refused.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_raised_with_the_suspect_and_the_platform_shows_them_in_the_childs_profile()
    {
        var nhs = TestChildren.New().NhsNumber;
        var raised = await CliAsync("raise-flag", "--client", "police-mash", "--nhs", nhs, "--risk", "high",
            "--reason", "Sexualised messages from an adult man met online", "--evidence", "Intelligence report 4411",
            "--suspect-age", "47", "--suspect-relationship", "online-contact", "--platform", "Facebook");
        Assert.True(raised.ExitCode == 0, raised.Errors);

        var profile = await CliAsync("profile", "--client", "police-mash", "--nhs", nhs);

        Assert.True(profile.ExitCode == 0, profile.Errors);
        Assert.Contains("Suspect: age 47 (aged-45-to-54), online-contact; contact: online: Facebook", profile.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex("ref_[0-9a-f]{32}")]
    private static partial Regex ReferralId();
}
