using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Platform.Identity;
using System.Security.Cryptography;
using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Errors;
using Mash.Platform.Limits;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>What requiring, scheduling, attending and concluding a strategy discussion must carry.</summary>
public static class DiscussionRules
{
    public const int MaxIdLength = RequestLimits.MaxIdLength;

    /// <summary>A discussion named, by an id no longer than any this service issues: checked before any lookup.</summary>
    public static FieldViolations RequireDiscussionId(this FieldViolations v, string discussionId, string field = "discussion_id") => v
        .Require(discussionId.Length > 0, field, "Name the discussion.")
        .Require(discussionId.Length <= MaxIdLength, field, $"At most {MaxIdLength} characters: not a discussion id.");
    public const int MaxShortText = 1_000;
    public const int MaxText = 10_000;
    public const int MaxMinutes = 200_000;
    public const int MaxParticipants = 100;
    public const int MaxActions = 100;

    public static FieldViolations Validate(RequireDiscussionRequest request, DateOnly today)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "require a second discussion");
        // A follow-up may leave the child out: it is the child of the discussion it follows.
        if (request.FollowsDiscussionId.Length == 0 || request.Child is not null)
        {
            ChildIdentityRules.Validate(v, "child", request.Child, today);
        }

        CheckText(v, "reason", request.Reason, MaxText, "Say why a strategy discussion is needed.");
        v.Require(request.FollowsDiscussionId.Length <= MaxIdLength, "follows_discussion_id", "Not a discussion id.");
        return v;
    }

    public static FieldViolations Validate(ScheduleDiscussionRequest request)
    {
        var v = new FieldViolations();
        v.RequireDiscussionId(request.DiscussionId);
        v.Require(Timestamps.TryUtc(request.ScheduledFor, out _), "scheduled_for", "Give the date and time it is to be held.");
        v.Require(request.Format != DiscussionFormat.Unspecified && Enum.IsDefined(request.Format), "format", "A meeting or calls.");
        v.Require(request.Invited.Count <= MaxParticipants, "invited", $"At most {MaxParticipants} participants.");
        for (var i = 0; i < request.Invited.Count; i++)
        {
            var invited = request.Invited[i];
            CheckWho(v, $"invited[{i}]", invited);
            // Apologies sent in advance may be recorded with an absence reason; attendance is known only afterwards.
            v.Require(!invited.Attended, $"invited[{i}].attended", "Record who attended with RecordAttendance, once the discussion was held.");
            v.Require(invited.AbsenceReason.Length <= MaxShortText, $"invited[{i}].absence_reason", $"At most {MaxShortText} characters.");
        }

        return v;
    }

    public static FieldViolations Validate(RecordAttendanceRequest request)
    {
        var v = new FieldViolations();
        v.RequireDiscussionId(request.DiscussionId);
        v.Require(request.Participants.Count > 0, "participants", "Record who took part, and who could not and why.");
        v.Require(request.Participants.Count <= MaxParticipants, "participants", $"At most {MaxParticipants} participants.");
        for (var i = 0; i < request.Participants.Count; i++)
        {
            var participant = request.Participants[i];
            CheckWho(v, $"participants[{i}]", participant);
            v.Require(participant.Attended || !string.IsNullOrWhiteSpace(participant.AbsenceReason), $"participants[{i}].absence_reason",
                "Say why they could not attend.");
            v.Require(participant.AbsenceReason.Length <= MaxShortText, $"participants[{i}].absence_reason", $"At most {MaxShortText} characters.");
        }

        return v;
    }

    /// <summary>When the discussion was held: the request's time, else now.</summary>
    public static DateTime HeldAt(ConcludeDiscussionRequest request, DateTime nowUtc) =>
        Timestamps.TryUtc(request.HeldAt, out var heldAt) ? heldAt : nowUtc;

    /// <summary>Every decision Working Together says a discussion must record, and the minutes.</summary>
    public static FieldViolations Validate(ConcludeDiscussionRequest request, DateTime nowUtc)
    {
        var v = new FieldViolations();
        v.RequireDiscussionId(request.DiscussionId);
        var heldAt = HeldAt(request, nowUtc);
        if (request.HeldAt is not null)
        {
            v.Require(Timestamps.TryUtc(request.HeldAt, out _), "held_at", "Not a valid time.");
            v.Require(heldAt <= nowUtc, "held_at", "A discussion cannot be concluded before it is held.");
        }

        var decisions = request.Decisions ?? new Decisions();
        CheckText(v, "decisions.information_shared", decisions.InformationShared, MaxText, "Record the information the agencies shared.");
        var kind = decisions.CriminalInvestigation?.Kind ?? InvestigationKind.Unspecified;
        v.Require(kind != InvestigationKind.Unspecified && Enum.IsDefined(kind), "decisions.criminal_investigation.kind",
            "Record whether there is to be a criminal investigation: none, single agency or joint.");
        v.Require((decisions.CriminalInvestigation?.ConductAndTiming.Length ?? 0) <= MaxText, "decisions.criminal_investigation.conduct_and_timing", $"At most {MaxText} characters.");
        v.Require(decisions.LegalActionDetails.Length <= MaxText, "decisions.legal_action_details", $"At most {MaxText} characters.");
        CheckText(v, "decisions.what_the_family_is_told", decisions.WhatTheFamilyIsTold, MaxText, "Record what the family is to be told.");
        if (!decisions.ParentalPermissionSought)
        {
            CheckText(v, "decisions.parental_permission_not_sought_reason", decisions.ParentalPermissionNotSoughtReason, MaxText,
                "Parental permission for the checks was not sought: say why not.");
        }

        v.Require(decisions.Actions.Count <= MaxActions, "decisions.actions", $"At most {MaxActions} actions.");
        for (var i = 0; i < decisions.Actions.Count; i++)
        {
            var action = decisions.Actions[i];
            var field = $"decisions.actions[{i}]";
            CheckText(v, $"{field}.description", action.Description, MaxText, "Say what is to be done.");
            v.Require(action.OwningAgency != Agency.Unspecified && Enum.IsDefined(action.OwningAgency), $"{field}.owning_agency", "Say which agency does it.");
            v.Require(Timestamps.TryUtc(action.DueAt, out var dueAt) && dueAt > heldAt, $"{field}.due_at", "Say by when: a time after the discussion was held.");
        }

        var minutes = request.Minutes ?? new Minutes();
        CheckText(v, "minutes.text", minutes.Text, MaxMinutes, "Attach the minutes of the discussion.");
        v.Require(minutes.DocumentReference.Length <= MaxShortText, "minutes.document_reference", $"At most {MaxShortText} characters.");
        return v;
    }

    /// <summary>
    /// What a conclusion can be checked against only once the discussion is read: it cannot have been
    /// held before it became required, nor set actions due beyond the horizon after it was held.
    /// </summary>
    public static FieldViolations CheckAgainst(ConcludeDiscussionRequest request, DateTime requiredAtUtc, DateTime heldAtUtc, TimeSpan horizon)
    {
        var v = new FieldViolations();
        if (heldAtUtc < requiredAtUtc)
        {
            // The actions' due times are measured from when it was held: that must be right first.
            return v.Add("held_at", $"{heldAtUtc:yyyy-MM-dd HH:mm} UTC is before the discussion became required ({requiredAtUtc:yyyy-MM-dd HH:mm} UTC).");
        }

        var actions = request.Decisions?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            if (Timestamps.TryUtc(actions[i].DueAt, out var dueAt))
            {
                v.CheckWithin($"decisions.actions[{i}].due_at", dueAt, heldAtUtc, "the discussion was held", heldAtUtc, horizon);
            }
        }

        return v;
    }

    public static FieldViolations Validate(CompleteActionRequest request) => new FieldViolations()
        .RequireDiscussionId(request.DiscussionId)
        .Require(request.ActionId.Length > 0, "action_id", "Name the action.");

    /// <summary>
    /// The conclusion's content, without what the service assigns (action ids, completion, overdue):
    /// concluding again with the same content is a retry, with other content a contradiction.
    /// </summary>
    public static string ConclusionFingerprint(Decisions? decisions, Minutes? minutes)
    {
        var content = decisions?.Clone() ?? new Decisions();
        foreach (var action in content.Actions)
        {
            action.ActionId = "";
            action.CompletedAt = null;
            action.Overdue = false;
        }

        return Hash(content) + Hash(minutes ?? new Minutes());
    }

    private static string Hash(IMessage message) => Convert.ToHexStringLower(SHA256.HashData(message.ToByteArray()));

    private static void CheckWho(FieldViolations v, string field, Participant participant)
    {
        v.Require(participant.Agency != Agency.Unspecified && Enum.IsDefined(participant.Agency), $"{field}.agency", "Name the participant's agency.");
        CheckText(v, $"{field}.name", participant.Name, MaxShortText, "Name the participant.");
        CheckText(v, $"{field}.role", participant.Role, MaxShortText, "Give their role, e.g. social worker, designated nurse, detective sergeant.");
    }

    private static void CheckText(FieldViolations v, string field, string text, int max, string whenMissing)
    {
        v.Require(!string.IsNullOrWhiteSpace(text), field, whenMissing);
        v.Require(text.Length <= max, field, $"At most {max} characters.");
    }
}
