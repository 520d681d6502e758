namespace Mash.Custody.Domain;

/// <summary>
/// Held overnight: in custody after charge at any moment of the area's overnight window (midnight to
/// 06:00 local time by default), on any night. The window is local time, so on the nights the clocks
/// change it is an hour shorter or longer in elapsed time, as the custody suite's clock shows it.
/// </summary>
public static class Overnight
{
    /// <summary>Whether the stay from <paramref name="fromUtc"/> until <paramref name="untilUtc"/> meets the window on any night.</summary>
    public static bool Meets(DateTime fromUtc, DateTime untilUtc, TimeZoneInfo zone, TimeOnly windowFrom, TimeOnly windowUntil)
    {
        if (untilUtc <= fromUtc)
        {
            return false;
        }

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone)).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(untilUtc, zone));
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var start = EarliestUtc(day.ToDateTime(windowFrom), zone);
            var end = EarliestUtc((windowUntil > windowFrom ? day : day.AddDays(1)).ToDateTime(windowUntil), zone);
            if (fromUtc < end && untilUtc > start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first instant the local clock shows <paramref name="local"/>: a time skipped when the clocks go
    /// forward is taken as the moment after the gap; a time shown twice when they go back, as its first showing.
    /// </summary>
    public static DateTime EarliestUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var step = 0; step < 24 * 60 && zone.IsInvalidTime(local); step++)
        {
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var largestOffset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - largestOffset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
