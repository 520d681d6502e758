using Mash.Platform.Idempotency;
using Mash.Platform.Time;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Mash.Offender.Domain;

/// <summary>
/// Visit frequency follows risk: the next visit is due an interval after the offender was last
/// seen, or after registration if never. A visit where the offender was not seen (no access,
/// entry refused) is recorded but does not count: the visit is still due.
/// </summary>
public sealed class VisitSchedules(IOptions<VisitIntervalsOptions> options)
{
    /// <summary>Weeks between home visits; 0 (reactive) for a person of concern who is not MAPPA-managed.</summary>
    public int IntervalWeeks(string area, OffenderRisk risk, MappaCategory category) =>
        category == MappaCategory.NotMappa ? 0 : options.Value.For(area).WeeksFor(risk);

    public static bool CountsAsSeen(VisitOutcome outcome) => outcome is VisitOutcome.SeenNoConcerns or VisitOutcome.SeenConcerns;

    /// <summary>Empty when the risk is managed reactively (an interval of 0).</summary>
    public static DateOnly? NextDueBy(int intervalWeeks, DateOnly registeredOn, DateOnly? lastSeenOn) =>
        intervalWeeks > 0 ? (lastSeenOn ?? registeredOn).AddDays(7 * intervalWeeks) : null;

    public static bool IsOverdue(DateOnly? dueBy, DateOnly today) => dueBy is { } due && today > due;

    public static FieldViolations Validate(RecordVisitRequest request, DateOnly today) => Validate(request, DateWindow.For(today));

    /// <summary>The request's fields, its days within today's bounds (<c>Mash:Dates</c>).</summary>
    public static FieldViolations Validate(RecordVisitRequest request, DateWindow window)
    {
        var v = new FieldViolations().CheckIdempotencyKey(request.IdempotencyKey, "record the visit twice");
        v.CheckId("offender_id", request.OffenderId, "offender");
        v.CheckDay("visited_on", request.VisitedOn, "Give the day of the visit.", window, DayKind.Happened);
        v.CheckText("officer", request.Officer, RequestChecks.MaxName, "Name the officer who visited.");
        v.CheckKnown("outcome", request.Outcome, "Say whether the offender was seen, and if so whether there are concerns.");
        return request.Outcome == VisitOutcome.SeenConcerns
            ? v.CheckText("notes", request.Notes, RequestChecks.MaxText, "Record the concerns.")
            : v.CheckOptionalText("notes", request.Notes, RequestChecks.MaxText);
    }
}
