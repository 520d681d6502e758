using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Domain;

/// <summary>When an assessment is due: its area's working days after the referral was received.</summary>
public sealed class AssessmentTimescales(WorkingCalendars calendars, IOptions<AssessmentTimescalesOptions> options)
{
    public DateTime DueAt(string area, DateTime startedAtUtc) =>
        DueAt(calendars.ForArea(area), startedAtUtc, options.Value.For(area).AssessmentWorkingDays);

    /// <summary>Weekends and bank holidays do not count; a working day is a full day's working hours.</summary>
    public static DateTime DueAt(WorkingCalendar calendar, DateTime startedAtUtc, double workingDays) =>
        calendar.AddWorkingDays(startedAtUtc, workingDays);
}
