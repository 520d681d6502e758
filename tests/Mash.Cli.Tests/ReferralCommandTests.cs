using Mash.Cli.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli.Tests;

/// <summary>What the referral commands would send for a command line.</summary>
public sealed class ReferralCommandTests
{
    [Fact]
    public async Task Token_takes_the_client_the_scope_and_the_token_endpoint()
    {
        var run = await CliInProcess.RunAsync("token", "--client", "police-mash", "--scope", "Referral.Read", "--token-url", "http://127.0.0.1:5101/connect/token");

        Assert.IsType<TokenCommand>(run.Command);
        Assert.Equal("police-mash", run.Settings.ClientId);
        Assert.Equal("Referral.Read", run.Settings.Scope);
        Assert.Equal(new Uri("http://127.0.0.1:5101/connect/token"), run.Settings.TokenUrl);
    }

    [Fact]
    public async Task Submit_without_a_file_sends_the_sample_with_the_key_and_the_time_received()
    {
        var run = await CliInProcess.RunAsync("submit", "--key", "retry-1", "--received-at", "2026-12-01 08:00");

        var sent = run.Sent((SubmitCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(SampleReferral.Create(), sent.Details);
        Assert.Equal("retry-1", sent.IdempotencyKey);
        Assert.Equal(Local.Time("2026-12-01 08:00"), sent.ReceivedAt);
    }

    [Fact]
    public async Task Submit_sends_the_file_given_and_the_shipped_sample_file_is_the_built_in_sample()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Samples", "referral.json");

        var sent = (await CliInProcess.RunAsync("submit", "--file", file, "--key", "k")).Sent((SubmitCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(SampleReferral.Create(), sent.Details);
        Assert.Null(sent.ReceivedAt);
    }

    [Fact]
    public async Task Submit_without_a_key_makes_one_and_shows_it_before_the_call()
    {
        var run = await CliInProcess.RunAsync("submit");

        var sent = run.Sent((SubmitCommand c, CommandContext x) => c.Request(x));

        Assert.True(Guid.TryParse(sent.IdempotencyKey, out _), sent.IdempotencyKey);
        Assert.Contains($"Idempotency key: {sent.IdempotencyKey} (to retry this submission safely: --key {sent.IdempotencyKey})", run.Context!.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_sends_the_referral_id()
    {
        var sent = (await CliInProcess.RunAsync("get", "--id", "ref_1")).Sent((GetCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new GetReferralRequest { ReferralId = "ref_1" }, sent);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("help")]
    [InlineData("LIST")]
    public async Task A_value_that_is_a_command_name_stays_a_value(string value)
    {
        var sent = (await CliInProcess.RunAsync("get", "--id", value)).Sent((GetCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(value, sent.ReferralId);
    }

    [Fact]
    public async Task List_sends_repeated_and_comma_separated_filters_once_each_with_the_page()
    {
        var run = await CliInProcess.RunAsync(
            "list", "--status", "awaiting-screening, decided", "--status", "DECIDED", "--rag", "red", "--rag", "amber,red",
            "--role", "front-door", "--overdue", "--awaiting-outcome", "--page-size", "50", "--page-token", "tok");

        var sent = run.Sent((ListCommand c, CommandContext x) => c.Request(x));

        Assert.Equal([ReferralStatus.AwaitingScreening, ReferralStatus.Decided], sent.Statuses);
        Assert.Equal([Rag.Red, Rag.Amber], sent.Rags);
        Assert.Equal([ReferralRole.FrontDoor], sent.Roles);
        Assert.True(sent.OverdueOnly);
        Assert.True(sent.AwaitingOutcomeOnly);
        Assert.Equal(new PageRequest { PageSize = 50, PageToken = "tok" }, sent.Page);
    }

    [Fact]
    public async Task List_without_filters_asks_for_everything_on_the_services_first_page()
    {
        var sent = (await CliInProcess.RunAsync("list")).Sent((ListCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ListReferralsRequest { Page = new PageRequest() }, sent);
    }

    [Fact]
    public async Task Screen_sends_the_rating_in_any_letter_case_and_the_rationale_as_written()
    {
        var sent = (await CliInProcess.RunAsync("screen", "--id", "ref_1", "--rag", " Amber ", "--rationale", "Disclosure of assault"))
            .Sent((ScreenCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new RecordScreeningRequest { ReferralId = "ref_1", Rag = Rag.Amber, Rationale = "Disclosure of assault" }, sent);
    }

    [Theory]
    [InlineData("nfa", ReferralOutcome.NoFurtherAction)]
    [InlineData("child-in-need", ReferralOutcome.ChildInNeedAssessment)]
    [InlineData("immediate-protection", ReferralOutcome.ImmediateProtection)]
    public async Task Decide_sends_the_outcome_by_its_practitioners_name(string outcome, ReferralOutcome expected)
    {
        var sent = (await CliInProcess.RunAsync("decide", "--id", "ref_1", "--outcome", outcome, "--rationale", "r", "--lateness-reason", "Awaiting police checks"))
            .Sent((DecideCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new RecordDecisionRequest { ReferralId = "ref_1", Outcome = expected, Rationale = "r", LatenessReason = "Awaiting police checks" }, sent);
    }
}
