using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Domain;

public sealed class DecisionRulesTests
{
    private static readonly DateTime Now = StrategyApp.MondayMorning.UtcDateTime;

    private static IReadOnlyList<string> Violations(ConcludeDiscussionRequest request) =>
        [.. DiscussionRules.Validate(request, Now).Items.Select(v => v.Field)];

    [Fact]
    public void A_complete_conclusion_is_valid() =>
        Assert.Empty(Violations(Samples.Conclude("dsc_1", Samples.Decisions(StrategyApp.MondayMorning, actionsDueAfter: TimeSpan.FromDays(1)))));

    [Fact]
    public void An_empty_conclusion_names_every_missing_decision_and_the_minutes() =>
        Assert.Equal(
            ["decisions.information_shared", "decisions.criminal_investigation.kind", "decisions.what_the_family_is_told",
             "decisions.parental_permission_not_sought_reason", "minutes.text"],
            Violations(new ConcludeDiscussionRequest { DiscussionId = "dsc_1" }));

    [Fact]
    public void Not_seeking_parental_permission_needs_a_reason()
    {
        var decisions = Samples.Decisions(StrategyApp.MondayMorning);
        decisions.ParentalPermissionSought = false;
        Assert.Equal(["decisions.parental_permission_not_sought_reason"], Violations(Samples.Conclude("dsc_1", decisions)));

        decisions.ParentalPermissionNotSoughtReason = "Seeking it would put the child at risk of further harm.";
        Assert.Empty(Violations(Samples.Conclude("dsc_1", decisions)));
    }

    [Fact]
    public void Each_action_needs_what_who_and_a_due_time_after_the_discussion()
    {
        var decisions = Samples.Decisions(StrategyApp.MondayMorning, actionsDueAfter: TimeSpan.FromDays(1));
        decisions.Actions.Add(new SafeguardingAction { DueAt = Timestamp.FromDateTime(Now.AddHours(-1)) });
        decisions.Actions.Add(new SafeguardingAction { Description = "Check the sibling's school attendance", OwningAgency = Agency.Education });

        Assert.Equal(
            ["decisions.actions[1].description", "decisions.actions[1].owning_agency", "decisions.actions[1].due_at", "decisions.actions[2].due_at"],
            Violations(Samples.Conclude("dsc_1", decisions)));
    }

    [Fact]
    public void An_action_is_due_after_the_time_the_discussion_was_held_not_after_now()
    {
        var heldAt = StrategyApp.MondayMorning.AddDays(-3);
        var request = Samples.Conclude("dsc_1", Samples.Decisions(heldAt, actionsDueAfter: TimeSpan.FromDays(1)));
        request.HeldAt = Timestamp.FromDateTimeOffset(heldAt);

        Assert.Empty(Violations(request));
        Assert.Equal(heldAt.UtcDateTime, DiscussionRules.HeldAt(request, Now));
    }

    [Fact]
    public void A_discussion_cannot_be_held_in_the_future()
    {
        var request = Samples.Conclude("dsc_1", Samples.Decisions(StrategyApp.MondayMorning.AddDays(1)));
        request.HeldAt = Timestamp.FromDateTime(Now.AddDays(1));
        Assert.Equal(["held_at"], Violations(request));
    }

    [Fact]
    public void Concluding_with_the_same_content_has_the_same_fingerprint_whatever_ids_the_service_assigned()
    {
        var decisions = Samples.Decisions(StrategyApp.MondayMorning, actionsDueAfter: TimeSpan.FromDays(1));
        var minutes = new Minutes { Text = "Minutes." };
        var stored = decisions.Clone();
        stored.Actions[0].ActionId = "act_1";

        Assert.Equal(DiscussionRules.ConclusionFingerprint(decisions, minutes), DiscussionRules.ConclusionFingerprint(stored, minutes));
        Assert.NotEqual(DiscussionRules.ConclusionFingerprint(decisions, minutes), DiscussionRules.ConclusionFingerprint(decisions, new Minutes { Text = "Other." }));
    }

    [Fact]
    public void A_participant_who_did_not_attend_needs_an_absence_reason()
    {
        var request = new RecordAttendanceRequest
        {
            DiscussionId = "dsc_1",
            Participants = { Samples.Attended(Agency.Police), new Participant { Agency = Agency.Health, Name = "C. Nurse", Role = "School nurse" }, new Participant() },
        };
        Assert.Equal(
            ["participants[1].absence_reason", "participants[2].agency", "participants[2].name", "participants[2].role", "participants[2].absence_reason"],
            DiscussionRules.Validate(request).Items.Select(v => v.Field));
    }
}
