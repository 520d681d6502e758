using Mash.Cli.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;

namespace Mash.Cli.Tests;

/// <summary>What the strategy discussion commands would send for a command line.</summary>
public sealed class StrategyCommandTests
{
    [Fact]
    public async Task Discussions_sends_the_child_and_the_statuses()
    {
        var sent = (await CliInProcess.RunAsync("discussions", "--nhs", "999 123 4578", "--status", "required,scheduled", "--page-size", "5"))
            .Sent((DiscussionsCommand c, CommandContext x) => c.Request(x));

        Assert.Equal("999 123 4578", sent.Child.NhsNumber);
        Assert.Equal(new[] { DiscussionStatus.Required, DiscussionStatus.Scheduled }, sent.Statuses);
        Assert.Equal(5, sent.Page.PageSize);
    }

    [Fact]
    public async Task Discussion_sends_the_discussion_id()
    {
        Assert.Equal("dsc_1", (await CliInProcess.RunAsync("discussion", "--id", "dsc_1")).Sent((DiscussionCommand c, CommandContext x) => c.Request(x)).DiscussionId);
    }

    [Theory]
    [InlineData("outstanding-discussions")]
    [InlineData("overdue-discussions")]
    public async Task The_lists_of_discussions_not_yet_held_send_the_page(string command)
    {
        var run = await CliInProcess.RunAsync(command, "--page-token", "t2");

        Assert.Equal(command, run.Command?.Definition.Name);
        Assert.Equal("t2", run.Sent((NotYetHeldDiscussionsCommand c, CommandContext x) => c.Request(x)).PageToken);
    }

    [Fact]
    public async Task Require_discussion_sends_the_child_by_name_and_date_of_birth_and_what_it_follows()
    {
        var sent = (await CliInProcess.RunAsync(
                "require-discussion", "--given", "Sam", "--family", "Morgan", "--dob", "2015-03-02", "--reason", "Disclosure at school", "--follows", " dsc_0 ", "--key", "k"))
            .Sent((RequireDiscussionCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new ChildIdentity { GivenName = "Sam", FamilyName = "Morgan", DateOfBirth = new Date { Year = 2015, Month = 3, Day = 2 } }, sent.Child);
        Assert.Equal("Disclosure at school", sent.Reason);
        Assert.Equal("dsc_0", sent.FollowsDiscussionId);
        Assert.Equal("k", sent.IdempotencyKey);
    }

    [Fact]
    public async Task Schedule_sends_the_time_as_utc_the_format_and_each_invitation()
    {
        var sent = (await CliInProcess.RunAsync(
                "schedule", "--id", "dsc_1", "--at", "2026-12-01 10:00", "--format", "call",
                "--invite", "police:DS A. Example:detective sergeant",
                "--invite", "health:Dr B. Example:designated doctor:in clinic; will send a report: by noon"))
            .Sent((ScheduleCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(Local.Time("2026-12-01 10:00"), sent.ScheduledFor);
        Assert.Equal(DiscussionFormat.Call, sent.Format);
        Assert.Equal(
            new[]
            {
                new Participant { Agency = Agency.Police, Name = "DS A. Example", Role = "detective sergeant" },
                new Participant { Agency = Agency.Health, Name = "Dr B. Example", Role = "designated doctor", AbsenceReason = "in clinic; will send a report: by noon" },
            },
            sent.Invited);
    }

    [Fact]
    public async Task Attendance_sends_everyone_present_then_everyone_absent_with_commas_kept()
    {
        var sent = (await CliInProcess.RunAsync(
                "attendance", "--id", "dsc_1",
                "--absent", "health:Dr B. Example:designated doctor:in clinic, sent a report",
                "--present", "children-social-care:C. Example:social worker",
                "--present", "police:DS A. Example:detective sergeant"))
            .Sent((AttendanceCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(["C. Example", "DS A. Example", "Dr B. Example"], sent.Participants.Select(p => p.Name));
        Assert.Equal([true, true, false], sent.Participants.Select(p => p.Attended));
        Assert.Equal("in clinic, sent a report", sent.Participants[2].AbsenceReason);
    }

    [Fact]
    public async Task Conclude_sends_the_decisions_the_actions_and_the_minutes_from_a_file()
    {
        var minutes = Path.GetTempFileName();
        await File.WriteAllTextAsync(minutes, "Minutes of the strategy discussion.\nAgreed: joint investigation.");
        try
        {
            var sent = (await CliInProcess.RunAsync(
                    "conclude", "--id", "dsc_1", "--held-at", "2026-12-01 10:45",
                    "--information", "Police: two call-outs", "--s47", "--investigation", "joint", "--abe", "--medical",
                    "--conduct", " ABE interview Thursday ",
                    "--action", "police:2026-12-03 17:00:Arrange the ABE interview",
                    "--action", "children-social-care:2026-12-02 12:00:for=Sam/Morgan/2015-03-02:See Sam at school",
                    "--legal-action", "Legal planning meeting", "--family-told", "Mother told of the s47 enquiry",
                    "--permission-not-sought-reason", "Could put the child at risk", "--minutes-file", minutes, "--document-ref", "LCS-0012345"))
                .Sent((ConcludeCommand c, CommandContext x) => c.Request(x));

            var decisions = sent.Decisions;
            Assert.Equal("dsc_1", sent.DiscussionId);
            Assert.Equal(Local.Time("2026-12-01 10:45"), sent.HeldAt);
            Assert.Equal("Police: two call-outs", decisions.InformationShared);
            Assert.True(decisions.S47Enquiry);
            Assert.Equal(new CriminalInvestigation
            {
                Kind = InvestigationKind.Joint, AbeInterview = true, MedicalExamination = true, ConductAndTiming = "ABE interview Thursday",
            }, decisions.CriminalInvestigation);
            Assert.Equal(2, decisions.Actions.Count);
            Assert.Equal(new SafeguardingAction
            {
                OwningAgency = Agency.ChildrenSocialCare,
                DueAt = Local.Time("2026-12-02 12:00"),
                ForChild = new Person { GivenName = "Sam", FamilyName = "Morgan", DateOfBirth = new Date { Year = 2015, Month = 3, Day = 2 } },
                Description = "See Sam at school",
            }, decisions.Actions[1]);
            Assert.True(decisions.LegalActionNeeded);
            Assert.Equal("Legal planning meeting", decisions.LegalActionDetails);
            Assert.Equal("Mother told of the s47 enquiry", decisions.WhatTheFamilyIsTold);
            Assert.False(decisions.ParentalPermissionSought);
            Assert.Equal("Could put the child at risk", decisions.ParentalPermissionNotSoughtReason);
            Assert.Equal(new Minutes { Text = "Minutes of the strategy discussion.\nAgreed: joint investigation.", DocumentReference = "LCS-0012345" }, sent.Minutes);
        }
        finally
        {
            File.Delete(minutes);
        }
    }

    [Fact]
    public async Task Conclude_without_held_at_leaves_the_time_to_the_service()
    {
        var sent = (await CliInProcess.RunAsync(
                "conclude", "--id", "dsc_1", "--information", "i", "--investigation", "none", "--family-told", "f", "--permission-sought", "--minutes", "m"))
            .Sent((ConcludeCommand c, CommandContext x) => c.Request(x));

        Assert.Null(sent.HeldAt);
        Assert.True(sent.Decisions.ParentalPermissionSought);
        Assert.False(sent.Decisions.LegalActionNeeded);
        Assert.Empty(sent.Decisions.Actions);
    }

    [Fact]
    public async Task Complete_action_sends_the_discussion_and_the_action()
    {
        var sent = (await CliInProcess.RunAsync("complete-action", "--id", "dsc_1", "--action", "act_1"))
            .Sent((CompleteActionCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new CompleteActionRequest { DiscussionId = "dsc_1", ActionId = "act_1" }, sent);
    }

    [Fact]
    public async Task Overdue_actions_sends_the_page_asked_for()
    {
        var sent = (await CliInProcess.RunAsync("overdue-actions", "--page-size", "25")).Sent((OverdueActionsCommand c, CommandContext x) => c.Request(x));

        Assert.Equal(new PageRequest { PageSize = 25 }, sent.Page);
    }
}
