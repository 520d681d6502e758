using Mash.Platform.Time;
using Mash.Contracts.Strategy.V1;
using Microsoft.Extensions.Options;

namespace Mash.StrategyDiscussion.Domain;

/// <summary>When a discussion is due, and when the initial child protection conference it starts is due.</summary>
public sealed class StrategyTimescales(WorkingCalendars calendars, IOptions<StrategyTimescalesOptions> options)
{
    /// <summary>Working Together: the conference is held within 15 working days of the discussion that started s47.</summary>
    public const double ConferenceWorkingDays = 15;

    public DateTime DiscussionDueAt(string area, DateTime requiredAtUtc, DiscussionTrigger trigger)
    {
        var timescales = options.Value.For(area);
        return trigger == DiscussionTrigger.ImmediateProtection
            ? ImmediateDiscussionDueAt(requiredAtUtc, timescales.ImmediateProtectionDueHours)
            : DiscussionDueAt(calendars.ForArea(area), requiredAtUtc, timescales.DiscussionDueWorkingHours);
    }

    public DateTime ConferenceDueAt(string area, DateTime heldAtUtc) => ConferenceDueAt(calendars.ForArea(area), heldAtUtc);

    /// <summary>Weekends and bank holidays do not count, nor the hours outside the working day.</summary>
    public static DateTime DiscussionDueAt(WorkingCalendar calendar, DateTime requiredAtUtc, double workingHours) =>
        calendar.AddWorkingHours(requiredAtUtc, workingHours);

    /// <summary>Hours on the clock (UTC, so a change of the clocks neither adds nor takes an hour).</summary>
    public static DateTime ImmediateDiscussionDueAt(DateTime requiredAtUtc, double hours) => requiredAtUtc.AddHours(hours);

    public static DateTime ConferenceDueAt(WorkingCalendar calendar, DateTime heldAtUtc) =>
        calendar.AddWorkingDays(heldAtUtc, ConferenceWorkingDays);
}
