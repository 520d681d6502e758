using Mash.Platform.Errors;

namespace Mash.Platform.Time;

/// <summary>
/// Configuration section <c>Mash:Dates</c>: how far ahead a caller may put a date it plans (a
/// discussion scheduled, an action due, a measure starting), how far ahead the end of a term (a
/// measure's expiry, the end of notification requirements), and how far back anything that
/// happened. Beyond them a date is a typing slip (year 0001, year 9999), not a record.
/// </summary>
public sealed record DateBoundsOptions
{
    public const string Section = "Mash:Dates";

    public TimeSpan FutureHorizon { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The longest fixed term a court or the law sets that a record holds (notification periods run to 10 years, orders longer): 30 years.</summary>
    public TimeSpan TermHorizon { get; init; } = TimeSpan.FromDays(30 * 365);

    /// <summary>How far back a day that happened may be: 100 years.</summary>
    public TimeSpan PastHorizon { get; init; } = TimeSpan.FromDays(100 * 365);
}

/// <summary>Today's sanity bounds for the days a caller supplies (contract dates, no time of day).</summary>
public sealed record DateWindow(DateOnly Today, DateOnly Earliest, DateOnly PlanLatest, DateOnly TermLatest)
{
    public static DateWindow For(DateOnly today, DateBoundsOptions options) => new(
        today,
        today.AddDays(-(int)options.PastHorizon.TotalDays),
        today.AddDays((int)options.FutureHorizon.TotalDays),
        today.AddDays((int)options.TermHorizon.TotalDays));

    /// <summary>The window with the default horizons.</summary>
    public static DateWindow For(DateOnly today) => For(today, new DateBoundsOptions());
}

/// <summary>The sanity bounds of a time a caller supplies, each refused with a field violation.</summary>
public static class DateBounds
{
    /// <summary>A real calendar day that has come (today or before, within the window's past): since when something holds.</summary>
    public static DateOnly CheckPastDay(this FieldViolations violations, string field, Contracts.Common.V1.Date? date, DateWindow window, string whenMissing)
    {
        if (date is null || !Dates.TryGet(date, out var day))
        {
            violations.Add(field, whenMissing);
            return default;
        }

        violations.Require(day <= window.Today, field, "Cannot be in the future.").Require(day >= window.Earliest, field, "Not a day of a record kept now.");
        return day;
    }

    /// <summary>Not before <paramref name="earliest"/> (why: <paramref name="earliestIs"/>), and at most the horizon after <paramref name="from"/>.</summary>
    public static FieldViolations CheckWithin(
        this FieldViolations violations, string field, DateTime value, DateTime earliest, string earliestIs, DateTime from, TimeSpan horizon)
    {
        violations.Require(value >= earliest, field, $"{value:yyyy-MM-dd HH:mm} UTC is before {earliestIs} ({earliest:yyyy-MM-dd HH:mm} UTC).");
        return violations.Require(value <= from + horizon, field,
            $"{value:yyyy-MM-dd HH:mm} UTC is more than {horizon.TotalDays:0} days ahead (after {from + horizon:yyyy-MM-dd}): not a date to plan for.");
    }
}
