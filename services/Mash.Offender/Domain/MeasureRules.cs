using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;

namespace Mash.Offender.Domain;

/// <summary>
/// Preventative measures: each has a start, an expiry (a sexual harm prevention order may run
/// until further order) and the children it protects; a child abduction warning notice names at
/// least one child, and only children it can protect.
/// </summary>
public static class MeasureRules
{
    public const int DefaultExpiringWithinDays = 28;
    public const int MaxExpiringWithinDays = 366;
    public const int MaxProtectedChildren = 20;

    public static bool IsActive(DateOnly startsOn, DateOnly? expiresOn, DateOnly today) =>
        startsOn <= today && (expiresOn is null || expiresOn >= today);

    /// <summary>In force and ending within the next <paramref name="days"/> days (today included).</summary>
    public static bool IsExpiringWithin(DateOnly startsOn, DateOnly? expiresOn, DateOnly today, int days) =>
        IsActive(startsOn, expiresOn, today) && expiresOn <= today.AddDays(days);

    public static FieldViolations Validate(AddPreventativeMeasureRequest request, DateOnly today) => Validate(request, DateWindow.For(today));

    /// <summary>The request's fields, its days within today's bounds (<c>Mash:Dates</c>).</summary>
    public static FieldViolations Validate(AddPreventativeMeasureRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record the measure twice");
        v.CheckId("offender_id", request.OffenderId, "offender");
        v.CheckKnown("type", request.Type, "Say which measure: a child abduction warning notice, a sexual harm prevention order or bail conditions.");
        var startsOn = v.CheckDay("starts_on", request.StartsOn, "Give the day the measure starts.", window, DayKind.Planned);
        // Only a sexual harm prevention order may run until further order.
        v.Require(request.ExpiresOn is not null || request.Type == MeasureType.SexualHarmPreventionOrder, "expires_on",
            "Give the day the measure expires (only a sexual harm prevention order may run until further order).");
        var expiresOn = v.CheckOptionalDay("expires_on", request.ExpiresOn, window, DayKind.TermEnd);
        v.Require(startsOn is null || expiresOn is null || expiresOn > startsOn, "expires_on", "A measure expires after it starts.");
        v.Require(expiresOn is null || expiresOn >= window.Today, "expires_on", "Already expired: record only measures in force or to come.");
        v.CheckText("conditions", request.Conditions, RequestChecks.MaxText, "Record the conditions: what the offender must and must not do.");
        v.CheckOptionalText("reference", request.Reference, RequestChecks.MaxShortText);
        CheckChildren(v, request, startsOn, window.Today);
        return v;
    }

    public static FieldViolations Validate(RecordMeasureBreachRequest request, DateOnly today) => Validate(request, DateWindow.For(today));

    /// <summary>The request's fields, its days within today's bounds (<c>Mash:Dates</c>).</summary>
    public static FieldViolations Validate(RecordMeasureBreachRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record the breach twice");
        v.CheckId("measure_id", request.MeasureId, "measure");
        v.CheckDay("occurred_on", request.OccurredOn, "Give the day of the breach.", window, DayKind.Happened);
        return v.CheckText("details", request.Details, RequestChecks.MaxText, "Say what the offender did.");
    }

    private static void CheckChildren(FieldViolations v, AddPreventativeMeasureRequest request, DateOnly? startsOn, DateOnly today)
    {
        var cawn = request.Type == MeasureType.ChildAbductionWarningNotice;
        v.Require(!cawn || request.ProtectedChildren.Count > 0, "protected_children", "Name the children the notice protects.");
        v.Require(request.ProtectedChildren.Count <= MaxProtectedChildren, "protected_children", $"At most {MaxProtectedChildren} children.");
        for (var i = 0; i < request.ProtectedChildren.Count; i++)
        {
            var field = $"protected_children[{i}]";
            var protectedChild = request.ProtectedChildren[i];
            v.CheckChild($"{field}.child", protectedChild.Child, today);
            if (cawn && protectedChild.Child is { } child && startsOn is { } starts
                && CawnEligibility.Refusal(child, protectedChild.InLocalAuthorityCare, starts) is { } refusal)
            {
                v.Add($"{field}.child.date_of_birth", refusal);
            }
        }
    }
}
