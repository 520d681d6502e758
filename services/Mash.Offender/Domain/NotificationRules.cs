using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;

namespace Mash.Offender.Domain;

/// <summary>When a notification was due, and whether it was a breach.</summary>
public sealed record NotificationAssessment(DateOnly DueBy, BreachKind Breach);

/// <summary>
/// The notification requirements (Sexual Offences Act 2003): a change is notified "within the
/// period of 3 days beginning with" the day it happened (s84), so a change on a Friday is due by
/// the Sunday: calendar days, weekends included. The details are re-confirmed within a year after
/// each notification of any kind (s85): the registration's initial one, a change, the last
/// re-confirmation. A change the police found unnotified is a breach and notifies nothing.
/// </summary>
public static class NotificationRules
{
    public const int ChangeWindowDays = 3;

    /// <summary>The last day to notify a change: the day of the change is the first of the 3.</summary>
    public static DateOnly ChangeDueBy(DateOnly changeOccurredOn) => changeOccurredOn.AddDays(ChangeWindowDays - 1);

    /// <summary>The last day to re-confirm: a year after the latest notification (29 February gives 28 February).</summary>
    public static DateOnly ReconfirmationDueBy(DateOnly lastNotifiedOn) => lastNotifiedOn.AddYears(1);

    /// <summary>The next re-confirmation, unless no requirements apply or they end before it falls due.</summary>
    public static DateOnly? NextReconfirmationDueBy(bool requirementsApply, DateOnly? requirementsEndOn, DateOnly lastNotifiedOn)
    {
        var due = ReconfirmationDueBy(lastNotifiedOn);
        return requirementsApply && (requirementsEndOn is null || due <= requirementsEndOn) ? due : null;
    }

    public static bool IsOverdue(DateOnly? dueBy, DateOnly today) => dueBy is { } due && today > due;

    public static int DaysLate(DateOnly dueBy, DateOnly on) => Math.Max(0, on.DayNumber - dueBy.DayNumber);

    /// <summary>A notification made by the offender restarts the yearly clock; a change found unnotified does not.</summary>
    public static bool IsMadeByOffender(NotificationKind kind) => kind != NotificationKind.ChangeNotNotified;

    /// <param name="lastNotifiedBefore">The latest notification before this one (the registration if none).</param>
    public static NotificationAssessment Assess(NotificationKind kind, DateOnly? changeOccurredOn, DateOnly? notifiedOn, DateOnly lastNotifiedBefore)
    {
        switch (kind)
        {
            case NotificationKind.Change:
                var changeDue = ChangeDueBy(Required(changeOccurredOn));
                return new(changeDue, Required(notifiedOn) > changeDue ? BreachKind.ChangeNotifiedLate : BreachKind.Unspecified);
            case NotificationKind.ChangeNotNotified:
                return new(ChangeDueBy(Required(changeOccurredOn)), BreachKind.ChangeNotNotified);
            case NotificationKind.AnnualReconfirmation:
                var reconfirmationDue = ReconfirmationDueBy(lastNotifiedBefore);
                return new(reconfirmationDue, Required(notifiedOn) > reconfirmationDue ? BreachKind.ReconfirmationLate : BreachKind.Unspecified);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notification kind.");
        }
    }

    /// <summary>The request's own fields; its dates against the registration are checked once the offender is read.</summary>
    public static FieldViolations Validate(RecordNotificationRequest request, DateOnly today) => Validate(request, DateWindow.For(today));

    /// <summary>The request's fields, its days within today's bounds (<c>Mash:Dates</c>).</summary>
    public static FieldViolations Validate(RecordNotificationRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record the notification twice");
        v.CheckId("offender_id", request.OffenderId, "offender");
        v.CheckKnown("kind", request.Kind, "Say what was notified: a change, a change not notified, or the yearly re-confirmation.");
        var isChange = request.Kind is NotificationKind.Change or NotificationKind.ChangeNotNotified;
        DateOnly? occurredOn = null, notifiedOn = null;
        if (isChange)
        {
            occurredOn = v.CheckDay("change_occurred_on", request.ChangeOccurredOn, "Give the day the change happened: the 3 days run from it.", window, DayKind.Happened);
        }
        else
        {
            v.Require(request.ChangeOccurredOn is null, "change_occurred_on", "Only a change has a day it happened.");
        }

        if (request.Kind == NotificationKind.ChangeNotNotified)
        {
            v.Require(request.NotifiedOn is null, "notified_on", "A change not notified has no notification day.");
        }
        else
        {
            notifiedOn = v.CheckDay("notified_on", request.NotifiedOn, "Give the day the offender notified it.", window, DayKind.Happened);
        }

        v.Require(occurredOn is null || notifiedOn is null || notifiedOn >= occurredOn, "notified_on", "A change cannot be notified before it happened.");
        if (isChange)
        {
            v.CheckText("details", request.Details, RequestChecks.MaxText, "Say what changed, e.g. the new home address or name.");
        }
        else
        {
            v.CheckOptionalText("details", request.Details, RequestChecks.MaxText);
        }

        var moves = request.NewAddress is not null && !request.NewAddress.Equals(new Contracts.Common.V1.Address());
        v.Require(!moves || isChange, "new_address", "Only a change can give a new address.");
        v.CheckAddress("new_address", request.NewAddress, required: false);
        v.CheckOptionalText("new_area", request.NewArea, RequestChecks.MaxName);
        return v.Require(request.NewArea.Length == 0 || moves, "new_area", "A new area comes with the new address.");
    }

    /// <summary>The request's days against the registration.</summary>
    public static FieldViolations ValidateAgainst(RecordNotificationRequest request, DateOnly registeredOn)
    {
        var v = new FieldViolations();
        var latest = Dates.Optional(request.NotifiedOn) ?? Dates.Optional(request.ChangeOccurredOn);
        return v.Require(latest is null || latest >= registeredOn, request.NotifiedOn is null ? "change_occurred_on" : "notified_on",
            $"Before the offender was registered ({Dates.Text(registeredOn)}).");
    }

    private static DateOnly Required(DateOnly? day) => day ?? throw new ArgumentException("The day is required for this kind of notification.");
}
