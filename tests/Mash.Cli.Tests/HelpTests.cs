using Mash.Cli.Tests.Support;

namespace Mash.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [MemberData(nameof(KnownOptions.Commands), MemberType = typeof(KnownOptions))]
    public async Task Every_commands_help_lists_its_own_options_and_the_shared_ones(string command)
    {
        var help = await CliInProcess.RunAsync(command, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains($"mash {command} [options]", help.Output, StringComparison.Ordinal);
        var listed = OptionsListedIn(help.Output);
        Assert.Empty(KnownOptions.ByCommand[command].Concat(KnownOptions.Shared).Except(listed));
    }

    [Theory]
    [MemberData(nameof(KnownOptions.Commands), MemberType = typeof(KnownOptions))]
    public void Every_command_takes_exactly_the_options_it_always_took_each_described(string command)
    {
        var definition = new MashCommandLine(_ => null, (_, _) => Task.FromResult(0)).Root.Subcommands.Single(c => c.Name == command);

        Assert.False(string.IsNullOrWhiteSpace(definition.Description), $"'{command}' has no description");
        Assert.Equal(KnownOptions.ByCommand[command].Order(), definition.Options.Select(o => o.Name).Order());
        var undescribed = definition.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => o.Name);
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_shared_options()
    {
        var help = await CliInProcess.RunAsync("help");

        Assert.Equal(0, help.ExitCode);
        var commandsSection = help.Output[help.Output.IndexOf("Commands:", StringComparison.Ordinal)..];
        Assert.All(KnownOptions.ByCommand.Keys, command => Assert.Matches($@"(?m)^  {command}\s", commandsSection));
        Assert.Empty(KnownOptions.Shared.Except(OptionsListedIn(help.Output)));
    }

    [Theory]
    [InlineData("YYYY-MM-DD HH:MM")]
    [InlineData("NAME:ROLE")]
    [InlineData("for=CHILD")]
    [InlineData("for=GIVEN/FAMILY/YYYY-MM-DD")]
    [InlineData("no-roles-client                 none (authenticates; expect PERMISSION_DENIED)")]
    [InlineData("police-mash, social-care-mash   Referral.Submit, .Read, .Screen, .Decide;")]
    [InlineData("Exit codes: 0 success; 1 the server or token endpoint refused or could not be reached")]
    [InlineData("Every call has a 30-second deadline.")]
    [InlineData("Examples (mash = dotnet run --project tools/Mash.Cli --):")]
    [InlineData("--minutes-file minutes.txt --document-ref \"LCS-0012345\"")]
    public async Task Help_keeps_the_notes_no_single_option_carries(string note)
    {
        var help = await CliInProcess.RunAsync("help");

        Assert.Contains(note, help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("HELP")]
    [InlineData("help", "not-a-command")]
    public async Task No_command_help_flags_and_help_in_any_case_all_show_the_same_help(params string[] args)
    {
        var expected = await CliInProcess.RunAsync("help");

        var help = await CliInProcess.RunAsync(args);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(expected.Output, help.Output);
        Assert.Empty(help.Errors);
    }

    [Theory]
    [InlineData("help", "conclude")]
    [InlineData("help", "CONCLUDE")]
    [InlineData("conclude", "-h")]
    [InlineData("--client", "social-care-mash", "conclude", "--help")]
    public async Task Help_for_one_command_is_the_same_however_it_is_asked_for(params string[] args)
    {
        var expected = await CliInProcess.RunAsync("conclude", "--help");

        var help = await CliInProcess.RunAsync(args);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(expected.Output, help.Output);
        Assert.Contains("--permission-not-sought-reason", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Development clients", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_shown_even_when_the_rest_of_the_line_is_wrong()
    {
        var help = await CliInProcess.RunAsync("list", "--bogus", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--awaiting-outcome", help.Output, StringComparison.Ordinal);
        Assert.Null(help.Command);
    }

    [Fact]
    public async Task A_choice_lists_its_values_in_the_help()
    {
        var help = await CliInProcess.RunAsync("help", "raise-flag");

        Assert.Contains("--risk <low|medium|high>", help.Output, StringComparison.Ordinal);
        // Too many to show inline: listed after the description instead.
        Assert.Contains("aged-55-and-over", help.Output, StringComparison.Ordinal);
    }

    /// <summary>The option names in the help's Options section, one row each (a name at the start of a row).</summary>
    private static HashSet<string> OptionsListedIn(string help) =>
        System.Text.RegularExpressions.Regex.Matches(help, @"(?m)^  (?:-\S+, )*(--[a-z0-9-]+)")
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
}
