using Mash.Cli.Tests.Support;

namespace Mash.Cli.Tests;

/// <summary>A command line that cannot be acted on: exit code 2, one line naming what is wrong, a pointer to help, and no call.</summary>
public sealed class UsageErrorTests
{
    [Fact]
    public async Task An_unknown_option_is_a_usage_error_naming_it()
    {
        var run = await CliInProcess.RunAsync("list", "--overdoo");

        Assert.Equal("'list' does not take --overdoo", run.Error);
        Assert.Null(run.Command);
    }

    [Fact]
    public async Task A_usage_error_is_one_line_and_a_pointer_to_the_commands_help()
    {
        var run = await CliInProcess.RunAsync("screen", "--id", "ref_1", "--rationale", "r");

        Assert.Equal(["error: --rag is required", "Run 'help screen' for usage."], run.Errors.TrimEnd().Split(Environment.NewLine));
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("get", "--id")]
    [InlineData("get", "--id", "--json")]
    [InlineData("get", "--id", "--token", "t")]
    public async Task A_missing_value_is_a_usage_error_naming_the_option(params string[] args)
    {
        var run = await CliInProcess.RunAsync(args);

        Assert.Equal("--id needs a value (write --id=VALUE when the value itself starts with --)", run.Error);
    }

    [Fact]
    public async Task A_value_starting_with_two_dashes_is_given_with_an_equals_sign()
    {
        var run = await CliInProcess.RunAsync("get", "--id=--odd", "--token", "t");

        Assert.Equal("--odd", run.Sent((GetCommand c, CommandContext x) => c.Request(x)).ReferralId);
    }

    [Theory]
    [InlineData("--id", "get")]
    [InlineData("--rag", "screen", "--id", "ref_1", "--rationale", "r")]
    [InlineData("--outcome", "decide", "--id", "ref_1", "--rationale", "r")]
    [InlineData("--family-told", "conclude", "--id", "dsc_1", "--information", "i", "--investigation", "none", "--permission-sought", "--minutes", "m")]
    [InlineData("--at", "schedule", "--id", "dsc_1", "--format", "call")]
    [InlineData("--nhs", "profile")]
    public async Task A_missing_required_option_is_a_usage_error_naming_it(string option, params string[] args)
    {
        var run = await CliInProcess.RunAsync(args);

        Assert.Equal($"{option} is required", run.Error);
    }

    [Theory]
    [InlineData("--id", "get", "--id", " ")]
    [InlineData("--rag", "screen", "--id", "ref_1", "--rag", "", "--rationale", "r")]
    [InlineData("--rationale", "screen", "--id", "ref_1", "--rag", "red", "--rationale", "  ")]
    public async Task A_blank_required_value_counts_as_missing(string option, params string[] args)
    {
        var run = await CliInProcess.RunAsync(args);

        Assert.Equal($"{option} is required", run.Error);
    }

    [Fact]
    public async Task A_value_outside_the_choices_names_the_option_and_the_choices()
    {
        var run = await CliInProcess.RunAsync("screen", "--id", "ref_1", "--rag", "purple", "--rationale", "r");

        Assert.Equal("--rag must be one of red, amber, green, blue (got 'purple')", run.Error);
    }

    [Fact]
    public async Task A_single_valued_option_given_twice_is_refused()
    {
        var run = await CliInProcess.RunAsync("get", "--id", "ref_1", "--id", "ref_2");

        Assert.Equal("--id given more than once", run.Error);
    }

    [Fact]
    public async Task An_unknown_command_lists_the_commands()
    {
        var run = await CliInProcess.RunAsync("lst");

        Assert.StartsWith("unknown command 'lst'; commands are token, submit, get, list,", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("overdue-actions, accesses, disclosures, agreements, verify-audit, export, report, help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stray_word_is_refused()
    {
        var run = await CliInProcess.RunAsync("list", "--rag", "red", "amber");

        Assert.Equal("unexpected argument 'amber' (values follow their --option)", run.Error);
    }

    [Theory]
    [InlineData("--json=yes")]
    [InlineData("--all=true")]
    public async Task A_flag_given_a_value_is_refused(string flag)
    {
        var run = await CliInProcess.RunAsync("list", flag);

        Assert.Equal($"{flag.Split('=')[0]} takes no value", run.Error);
    }

    [Fact]
    public async Task A_flag_followed_by_a_word_does_not_take_it_as_its_value()
    {
        var run = await CliInProcess.RunAsync("list", "--json", "false");

        Assert.Equal("unexpected argument 'false' (values follow their --option)", run.Error);
    }

    [Theory]
    [InlineData("/h")]
    [InlineData("/?")]
    public async Task Only_the_dash_spellings_ask_for_help(string word)
    {
        var run = await CliInProcess.RunAsync("list", word);

        Assert.Equal($"unexpected argument '{word}' (values follow their --option)", run.Error);
    }

    [Fact]
    public async Task A_single_dash_option_is_taken_for_a_misspelling()
    {
        var run = await CliInProcess.RunAsync("list", "-all");

        Assert.Equal("unknown option '-all' (options are spelled --name)", run.Error);
    }

    [Theory]
    [InlineData("list", "--page-size", "0", "--page-size must be a whole number from 1 to 200")]
    [InlineData("list", "--page-size", "1e2", "--page-size must be a whole number from 1 to 200")]
    [InlineData("assessments", "--dob", "09/05/2017", "--dob must be a date written YYYY-MM-DD (got '09/05/2017')")]
    [InlineData("list", "--gateway", "ftp://gateway", "--gateway must be an http:// or https:// address (got 'ftp://gateway')")]
    [InlineData("list", "--lawful-basis", "whim", "--lawful-basis must be one of LAWFUL_BASIS_CONSENT, LAWFUL_BASIS_PUBLIC_TASK, LAWFUL_BASIS_RECOGNISED_LEGITIMATE_INTEREST, LAWFUL_BASIS_SAFEGUARDING_OF_CHILDREN, LAWFUL_BASIS_LAW_ENFORCEMENT (got 'whim')")]
    [InlineData("list", "--purpose", " ", "--purpose cannot be empty: the audit trail records why the record was needed")]
    [InlineData("submit", "--received-at", "yesterday", "--received-at must be a local time written YYYY-MM-DD HH:MM (got 'yesterday')")]
    [InlineData("submit", "--key", "has space", "--key must be 1 to 128 printable ASCII characters without spaces")]
    public async Task A_malformed_value_is_refused_naming_the_option(string command, string option, string value, string message)
    {
        var run = await CliInProcess.RunAsync(command, option, value, "--token", "t");

        Assert.Equal(message, run.Error);
    }

    [Fact]
    public async Task A_malformed_structured_value_says_how_to_write_it()
    {
        var run = await CliInProcess.RunAsync("attendance", "--id", "dsc_1", "--present", "police:DS A. Example");

        Assert.Equal("--present must be written AGENCY:NAME:ROLE (got 'police:DS A. Example')", run.Error);
    }

    [Theory]
    [InlineData("--present AGENCY:NAME:ROLE is required (repeat it for each person who attended)", "attendance", "--id", "dsc_1")]
    [InlineData("--indicator is required (repeat it or separate with commas)", "screen-cse", "--indicator", " , ")]
    [InlineData("give either --permission-sought or --permission-not-sought-reason, not both",
        "conclude", "--id", "dsc_1", "--information", "i", "--investigation", "none", "--family-told", "f", "--minutes", "m",
        "--permission-sought", "--permission-not-sought-reason", "r")]
    [InlineData("--follows needs the id of the concluded discussion this one follows", "require-discussion", "--reason", "r", "--follows", " ")]
    public async Task Rules_across_options_are_usage_errors_found_before_any_call(string message, params string[] args)
    {
        var run = await CliInProcess.RunAgainstNothingAsync(args);

        Assert.Equal(message, run.Error);
    }

    [Fact]
    public async Task An_at_sign_is_part_of_a_value_not_a_file_of_arguments()
    {
        var run = await CliInProcess.RunAsync("get", "--id", "@ids.txt", "--token", "t");

        Assert.Equal("@ids.txt", run.Sent((GetCommand c, CommandContext x) => c.Request(x)).ReferralId);
    }
}
