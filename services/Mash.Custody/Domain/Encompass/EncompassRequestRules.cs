using Mash.Contracts.Encompass.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;
using Mash.Platform.Idempotency;
using Mash.Platform.Time;

namespace Mash.Custody.Domain.Encompass;

/// <summary>What each Operation Encompass request must hold before anything is looked up.</summary>
public static class EncompassRequestRules
{
    public const int MaxChildren = 20;
    public const int MaxReference = 64;
    public const int MaxName = 200;
    public const int MaxHousehold = 1_000;
    public const int MaxText = 2_000;
    public const int MaxReason = 1_000;

    /// <summary>A school's unique reference number: six or seven digits (Get Information about Schools).</summary>
    public static bool IsUrn(string? urn) => urn is { Length: 6 or 7 } && urn.All(char.IsAsciiDigit);

    public static DateTime CheckIncident(RecordIncidentRequest request, DateTime nowUtc, DateOnly today)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "send the children's notifications twice");
        var occurred = v.CheckHappened("occurred_at", request.OccurredAt, nowUtc, "Give the time of the incident.");
        v.CheckText("location", request.Location, MaxName, "Say where the incident happened.")
            .CheckText("summary", request.Summary, MaxText, "Say what happened, for the child's key adult at school.")
            .CheckOptionalText("household", request.Household, MaxHousehold)
            .CheckText("police_reference", request.PoliceReference, MaxReference, "Give the police record's reference.")
            .CheckOptionalText("recorded_by", request.RecordedBy, MaxName)
            .Require(request.Children.Count is > 0 and <= MaxChildren, "children", $"Name one to {MaxChildren} children of school age the incident affects.");
        for (var i = 0; i < request.Children.Count && i < MaxChildren; i++)
        {
            var child = request.Children[i];
            var field = $"children[{i}]";
            ChildIdentityRules.Validate(v, $"{field}.child", child.Child, today);
            v.Require(child.Child?.DateOfBirth is not null, $"{field}.child.date_of_birth", "Give the date of birth: school age is checked on the incident's date.")
                .CheckText($"{field}.saw_or_heard", child.SawOrHeard, MaxText, "Say what the child saw or heard (\"nothing known\" is an answer).");
        }

        v.ThrowIfAny("The incident cannot be recorded.");
        return occurred!.Value;
    }

    public static void CheckSchool(FieldViolations v, School? school)
    {
        v.Require(school is not null, "school", "Name the school: its URN and name.");
        if (school is null)
        {
            return;
        }

        v.Require(IsUrn(school.Urn), "school.urn", "A school's unique reference number is six or seven digits.")
            .CheckText("school.name", school.Name, MaxName, "Give the school's name.");
    }

    public static DateOnly CheckEnrolment(RecordEnrolmentRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record it twice");
        ChildIdentityRules.Validate(v, "child", request.Child, window.Today);
        CheckSchool(v, request.School);
        var since = v.CheckPastDay("since", request.Since, window, "Give the real calendar day the child joined the school's roll.");
        v.ThrowIfAny("The enrolment cannot be recorded.");
        return since;
    }

    public static void CheckIdentify(IdentifySchoolRequest request)
    {
        var v = Target(request.NotificationId, request.IdempotencyKey, "send it to the school twice");
        CheckSchool(v, request.School);
        v.ThrowIfAny("The school cannot be recorded.");
    }

    public static void CheckNoSchool(RecordNoSchoolFoundRequest request) =>
        Target(request.NotificationId, request.IdempotencyKey, "record the decision twice")
            .CheckText("reason", request.Reason, MaxReason, "Say why no school was found and what was done (a child possibly missing education).")
            .ThrowIfAny("The decision cannot be recorded.");

    /// <summary>The time of the acknowledgement: as given (not in the future), else now.</summary>
    public static DateTime CheckAcknowledge(AcknowledgeNotificationRequest request, DateTime nowUtc)
    {
        var v = Target(request.NotificationId, request.IdempotencyKey, "acknowledge it twice")
            .CheckText("acknowledged_by", request.AcknowledgedBy, MaxName, "Name the key adult who read it.")
            .CheckText("support_planned", request.SupportPlanned, MaxText, "Say what support the school planned for the child.");
        var at = request.AcknowledgedAt is null ? nowUtc : v.CheckHappened("acknowledged_at", request.AcknowledgedAt, nowUtc, "Give the time it was read.");
        v.ThrowIfAny("The acknowledgement cannot be recorded.");
        return at!.Value;
    }

    private static FieldViolations Target(string notificationId, string idempotencyKey, string consequence) =>
        new FieldViolations().CheckId("notification_id", notificationId, "notification").CheckIdempotencyKey(idempotencyKey, consequence);
}
