using Mash.Platform.Figures;
using Mash.Contracts.Investigation.V1;

namespace Mash.Investigation.Domain;

/// <summary>The examination backlog at a moment: devices submitted and not yet examined, and how long they have waited.</summary>
public sealed record BacklogAt(DateTime AtUtc, int Waiting, TimeSpan Oldest, TimeSpan Median, IReadOnlyList<(DevicePriority Priority, int Waiting, TimeSpan Oldest)> ByPriority);

/// <summary>The device backlog and its trend, from devices' submission and examination times (elapsed time).</summary>
public static class DeviceBacklogs
{
    public static bool WaitingAt(DeviceFacts device, DateTime atUtc) =>
        device.SubmittedAt is { } submitted && submitted <= atUtc && (device.ExaminedAt is null || device.ExaminedAt > atUtc);

    public static BacklogAt At(IEnumerable<DeviceFacts> devices, DateTime atUtc)
    {
        var waiting = devices.Where(d => WaitingAt(d, atUtc)).ToList();
        var waits = waiting.Select(d => atUtc - d.SubmittedAt!.Value).OrderBy(w => w).ToList();
        var byPriority = waiting.GroupBy(d => d.Priority).OrderByDescending(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Max(d => atUtc - d.SubmittedAt!.Value))).ToList();
        return new BacklogAt(atUtc, waiting.Count, waits.Count == 0 ? TimeSpan.Zero : waits[^1], Medians.OfSorted(waits), byPriority);
    }

    /// <summary>The backlog at each of the week ends <see cref="WeekEnds"/> gives, or now for the week not yet over.</summary>
    public static IReadOnlyList<BacklogAt> WeeklyTrend(IReadOnlyList<DeviceFacts> devices, IReadOnlyList<DateTime> weekEnds, DateTime nowUtc) =>
        [.. weekEnds.Select(end => At(devices, end < nowUtc ? end : nowUtc))];

    /// <summary>
    /// The ends of the last <paramref name="weeks"/> weeks (Sunday 24:00 in the area's time zone, so a week keeps its
    /// local end across clock changes), oldest first; the last ends this coming Sunday.
    /// </summary>
    public static IReadOnlyList<DateTime> WeekEnds(DateTime nowUtc, int weeks, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var thisSunday = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        return [.. Enumerable.Range(0, weeks).Reverse().Select(back => MidnightAfter(thisSunday.AddDays(-7 * back), zone))];
    }

    private static DateTime MidnightAfter(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
}
