using Mash.Platform.Errors;

namespace Mash.Platform.Time;

/// <summary>
/// Configuration section <c>Mash:Dates</c>: how far ahead a caller may put a date (a discussion
/// scheduled, an action due). A date further ahead is a typing slip (year 9999), not a plan.
/// </summary>
public sealed record DateBoundsOptions
{
    public const string Section = "Mash:Dates";

    public TimeSpan FutureHorizon { get; init; } = TimeSpan.FromDays(365);
}

/// <summary>The sanity bounds of a time a caller supplies, each refused with a field violation.</summary>
public static class DateBounds
{
    /// <summary>Not before <paramref name="earliest"/> (why: <paramref name="earliestIs"/>), and at most the horizon after <paramref name="from"/>.</summary>
    public static FieldViolations CheckWithin(
        this FieldViolations violations, string field, DateTime value, DateTime earliest, string earliestIs, DateTime from, TimeSpan horizon)
    {
        violations.Require(value >= earliest, field, $"{value:yyyy-MM-dd HH:mm} UTC is before {earliestIs} ({earliest:yyyy-MM-dd HH:mm} UTC).");
        return violations.Require(value <= from + horizon, field,
            $"{value:yyyy-MM-dd HH:mm} UTC is more than {horizon.TotalDays:0} days ahead (after {from + horizon:yyyy-MM-dd}): not a date to plan for.");
    }
}
