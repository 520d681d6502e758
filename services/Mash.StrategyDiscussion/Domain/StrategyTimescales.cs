using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>When a discussion is due, and when the initial child protection conference it starts is due.</summary>
public sealed class StrategyTimescales(WorkingCalendars calendars, IOptions<StrategyTimescalesOptions> options)
{
    /// <summary>Working Together: the conference is held within 15 working days of the discussion that started s47.</summary>
    public const double ConferenceWorkingDays = 15;

    public DateTime DiscussionDueAt(string area, DateTime requiredAtUtc) =>
        DiscussionDueAt(calendars.ForArea(area), requiredAtUtc, options.Value.For(area).DiscussionDueWorkingHours);

    public DateTime ConferenceDueAt(string area, DateTime heldAtUtc) => ConferenceDueAt(calendars.ForArea(area), heldAtUtc);

    /// <summary>Weekends and bank holidays do not count, nor the hours outside the working day.</summary>
    public static DateTime DiscussionDueAt(WorkingCalendar calendar, DateTime requiredAtUtc, double workingHours) =>
        calendar.AddWorkingHours(requiredAtUtc, workingHours);

    public static DateTime ConferenceDueAt(WorkingCalendar calendar, DateTime heldAtUtc) =>
        calendar.AddWorkingDays(heldAtUtc, ConferenceWorkingDays);
}
