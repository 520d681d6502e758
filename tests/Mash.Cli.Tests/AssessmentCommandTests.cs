using Mash.Cli.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Referral.V1;

namespace Mash.Cli.Tests;

/// <summary>What the assessment, CSE and risk commands would send for a command line.</summary>
public sealed class AssessmentCommandTests
{
    [Fact]
    public async Task Assessments_sends_one_childs_filter_only_when_a_child_option_is_given()
    {
        var forChild = (await CliInProcess.RunAsync(
                "assessments", "--status", "open,closed", "--overdue", "--nhs", " 999 123 4578 ", "--dob", "2017-05-09", "--referral", "ref_1", "--page-size", "10"))
            .Sent((AssessmentsCommand c, CommandContext x) => c.Request(x));
        var everyone = (await CliInProcess.RunAsync("assessments")).Sent((AssessmentsCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new[] { AssessmentStatus.Open, AssessmentStatus.Closed }, forChild.Statuses);
        Assert.True(forChild.OverdueOnly);
        Assert.Equal(new ChildIdentity { NhsNumber = "999 123 4578", DateOfBirth = new Date { Year = 2017, Month = 5, Day = 9 } }, forChild.Child);
        Assert.Equal("ref_1", forChild.ReferralId);
        Assert.Equal(10, forChild.Page.PageSize);
        Assert.Null(everyone.Child);
        Assert.False(everyone.OverdueOnly);
    }

    [Fact]
    public async Task Assessment_sends_the_assessment_id()
    {
        var sent = (await CliInProcess.RunAsync("assessment", "--id", "asm_1")).Sent((AssessmentCommand c, CommandContext x) => c.Request(x));

        Assert.Equal("asm_1", sent.AssessmentId);
    }

    [Fact]
    public async Task Check_sends_the_agency_what_was_found_and_whether_anything_was()
    {
        var found = (await CliInProcess.RunAsync("check", "--id", "asm_1", "--agency", "children-social-care", "--result", "Known to CSC", "--found"))
            .Sent((CheckCommand c, CommandContext x) => c.Request(x));
        var nothing = (await CliInProcess.RunAsync("check", "--id", "asm_1", "--agency", "health", "--result", "nothing known"))
            .Sent((CheckCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new RecordCheckRequest { AssessmentId = "asm_1", Agency = Agency.ChildrenSocialCare, Result = "Known to CSC", InformationFound = true }, found);
        Assert.Equal(Agency.Health, nothing.Agency);
        Assert.False(nothing.InformationFound);
    }

    [Fact]
    public async Task Complete_sends_the_risk_the_rating_and_significant_harm()
    {
        var sent = (await CliInProcess.RunAsync("complete", "--id", "asm_1", "--risk", "very-high", "--rag", "red", "--rationale", "r", "--significant-harm"))
            .Sent((CompleteCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new CompleteAssessmentRequest
        {
            AssessmentId = "asm_1", RiskLevel = RiskLevel.VeryHigh, Rag = Rag.Red, Rationale = "r", SignificantHarmSuspected = true,
        }, sent);
    }

    [Fact]
    public async Task Screen_cse_sends_each_indicator_once_and_the_child_when_named()
    {
        var sent = (await CliInProcess.RunAsync("screen-cse", "--indicator", "missing-episodes,self-harm", "--indicator", "self-harm", "--dob", "2014-01-02"))
            .Sent((ScreenCseCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new[] { CseIndicator.MissingEpisodes, CseIndicator.SelfHarm }, sent.Indicators);
        Assert.Equal(new ChildIdentity { DateOfBirth = new Date { Year = 2014, Month = 1, Day = 2 } }, sent.Child);
    }

    [Fact]
    public async Task Screen_cse_does_not_take_the_childs_name()
    {
        Assert.Equal("'screen-cse' does not take --given", (await CliInProcess.RunAsync("screen-cse", "--indicator", "self-harm", "--given", "Leah")).Error);
    }

    [Fact]
    public async Task Raise_flag_sends_the_child_the_suspect_the_contact_and_the_runs_lawful_basis()
    {
        var sent = (await CliInProcess.RunAsync(
                "raise-flag", "--nhs", "999 123 4578", "--given", " Leah ", "--risk", "high", "--reason", "Messages", "--evidence", "Report 4411",
                "--suspect-age", "47", "--suspect-relationship", "online-contact", "--offender", " off_1 ", "--platform", "Facebook",
                "--lawful-basis", "law-enforcement", "--key", "flag-1"))
            .Sent((RaiseFlagCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ChildIdentity { NhsNumber = "999 123 4578", GivenName = "Leah" }, sent.Child);
        Assert.Equal(CseRisk.High, sent.Risk);
        Assert.Equal(LawfulBasis.LawEnforcement, sent.LawfulBasis);
        Assert.Equal(new SuspectedPerpetrator { AgeYears = 47, Relationship = SuspectRelationship.OnlineContact, OffenderId = "off_1" }, sent.Suspect);
        Assert.Equal(new CseContactContext { OnlinePlatform = "Facebook" }, sent.Contact);
        Assert.Equal("flag-1", sent.IdempotencyKey);
    }

    [Fact]
    public async Task Raise_flag_without_suspect_or_contact_options_sends_neither()
    {
        var sent = (await CliInProcess.RunAsync("raise-flag", "--nhs", "999 123 4578", "--risk", "low", "--reason", "r", "--evidence", "e", "--key", "k"))
            .Sent((RaiseFlagCommand c, CommandContext x) => c.Request(x));

        Assert.Null(sent.Suspect);
        Assert.Null(sent.Contact);
        Assert.Equal(LawfulBasis.PublicTask, sent.LawfulBasis);
    }

    [Fact]
    public async Task Review_flag_sends_the_new_risk_and_the_suspects_age_band()
    {
        var sent = (await CliInProcess.RunAsync(
                "review-flag", "--id", "flag_1", "--risk", "medium", "--reason", "r", "--evidence", "e", "--suspect-band", "aged-45-to-54", "--place", "Bus station"))
            .Sent((ReviewFlagCommand c, CommandContext x) => c.Request(x));

        Assert.Equal("flag_1", sent.FlagId);
        Assert.Equal(CseRisk.Medium, sent.Risk);
        Assert.Equal(new SuspectedPerpetrator { AgeBand = SuspectAgeBand.Aged45To54 }, sent.Suspect);
        Assert.Equal(new CseContactContext { Place = "Bus station" }, sent.Contact);
    }

    [Fact]
    public async Task Clear_flag_sends_why_and_on_what_evidence()
    {
        var sent = (await CliInProcess.RunAsync("clear-flag", "--id", "flag_1", "--reason", "Moved away", "--evidence", "Letter"))
            .Sent((ClearFlagCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ClearCseFlagRequest { FlagId = "flag_1", Reason = "Moved away", Evidence = "Letter" }, sent);
    }

    [Fact]
    public async Task Profile_sends_the_child_identified()
    {
        var sent = (await CliInProcess.RunAsync("profile", "--nhs", "999 123 4578", "--given", "Leah", "--family", "Morgan", "--dob", "2017-05-09"))
            .Sent((ProfileCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ChildIdentity
        {
            NhsNumber = "999 123 4578", GivenName = "Leah", FamilyName = "Morgan", DateOfBirth = new Date { Year = 2017, Month = 5, Day = 9 },
        }, sent.Child);
    }

    [Fact]
    public async Task High_risk_sends_the_page_asked_for()
    {
        var sent = (await CliInProcess.RunAsync("high-risk", "--page-size", "200", "--page-token", "next", "--all"))
            .Sent((HighRiskCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new PageRequest { PageSize = 200, PageToken = "next" }, sent.Page);
    }
}
