namespace Mash.Platform.Time;

/// <summary>
/// Working days and hours for SLA clocks: weekends and bank holidays are not working time,
/// and the working day runs between <see cref="DayStart"/> and <see cref="DayEnd"/> local time.
/// A working day of timescale is one day's worth of working hours, so a referral received on
/// Friday at 16:00 with a one-working-day timescale is due on Monday at 16:00.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, TimeOnly dayStart, TimeOnly dayEnd, TimeZoneInfo zone)
    {
        if (dayEnd <= dayStart)
        {
            throw new ArgumentException($"The working day must end after it starts ({dayStart}-{dayEnd}).", nameof(dayEnd));
        }

        _holidays = [.. holidays];
        DayStart = dayStart;
        DayEnd = dayEnd;
        Zone = zone;
    }

    public TimeOnly DayStart { get; }
    public TimeOnly DayEnd { get; }
    public TimeZoneInfo Zone { get; }
    public double HoursPerDay => (DayEnd - DayStart).TotalHours;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public DateTime AddWorkingDays(DateTime startUtc, double days) => AddWorkingHours(startUtc, days * HoursPerDay);

    /// <summary>The moment <paramref name="hours"/> working hours after <paramref name="startUtc"/>, in UTC.</summary>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var remaining = TimeSpan.FromHours(hours);
        var local = ToLocal(startUtc);

        // Bounded: even a year of holidays cannot need more days than this.
        var maxDays = (int)Math.Ceiling(hours / HoursPerDay) * 3 + 400;
        for (var day = 0; day <= maxDays; day++)
        {
            local = MoveIntoWorkingTime(local);
            var endOfDay = local.Date + DayEnd.ToTimeSpan();
            var available = endOfDay - local;
            if (remaining <= available)
            {
                return ToUtc(local + remaining);
            }

            remaining -= available;
            local = endOfDay;
        }

        throw new InvalidOperationException("The working calendar has no working days in range.");
    }

    /// <summary>
    /// The latest moment from which <paramref name="hours"/> working hours have passed by
    /// <paramref name="deadlineUtc"/>: anything started then or earlier is due by the deadline. To the second.
    /// </summary>
    public DateTime LatestStartFor(double hours, DateTime deadlineUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        // Far enough back for any run of weekends and bank holidays (Christmas to New Year included).
        var earliest = deadlineUtc - TimeSpan.FromDays(14 + Math.Ceiling(hours / HoursPerDay) * 3);
        if (AddWorkingHours(earliest, hours) > deadlineUtc)
        {
            return earliest;
        }

        // Due times only grow with the start, so the starts due by the deadline are those up to one moment.
        long low = earliest.Ticks, high = deadlineUtc.Ticks;
        while (high - low > TimeSpan.TicksPerSecond)
        {
            var middle = low + (high - low) / 2;
            if (AddWorkingHours(new DateTime(middle, DateTimeKind.Utc), hours) <= deadlineUtc)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTime(low, DateTimeKind.Utc);
    }

    /// <summary>Working hours elapsed between two moments (zero if <paramref name="toUtc"/> is earlier).</summary>
    public double WorkingHoursBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return 0;
        }

        var from = MoveIntoWorkingTime(ToLocal(fromUtc));
        var to = ToLocal(toUtc);
        var total = TimeSpan.Zero;
        while (from < to)
        {
            var endOfDay = from.Date + DayEnd.ToTimeSpan();
            total += (to < endOfDay ? to : endOfDay) - from;
            from = MoveIntoWorkingTime(endOfDay);
        }

        return total.TotalHours;
    }

    /// <summary>The same moment if it is working time, else the start of the next working period.</summary>
    private DateTime MoveIntoWorkingTime(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(DateOnly.FromDateTime(local)) && time >= DayStart && time < DayEnd)
        {
            return local;
        }

        var date = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(date) || time >= DayEnd)
        {
            date = date.AddDays(1);
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
        }

        return date.ToDateTime(DayStart);
    }

    private DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
