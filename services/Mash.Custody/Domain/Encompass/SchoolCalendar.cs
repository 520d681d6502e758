namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// An area's school days: weekdays that are neither bank holidays nor inside the local authority's school
/// holidays. Operation Encompass tells a school about an incident before the start of the next school day,
/// which is <see cref="AreaSchoolRules.SchoolDayStart"/> local time, so the hour is the school's whatever the clocks do.
/// </summary>
public sealed class SchoolCalendar
{
    // Longer than a year of holidays and weekends: a calendar with no school day in it is misconfigured.
    private const int MaxDaysAhead = 800;

    private readonly HashSet<DateOnly> _bankHolidays;

    public SchoolCalendar(IEnumerable<DateOnly> bankHolidays, AreaSchoolRules rules, TimeZoneInfo zone)
    {
        _bankHolidays = [.. bankHolidays];
        Rules = rules;
        Zone = zone;
    }

    public AreaSchoolRules Rules { get; }
    public TimeZoneInfo Zone { get; }

    public bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date) && !IsInSchoolHoliday(date);

    public bool IsInSchoolHoliday(DateOnly date) => Rules.SchoolHolidays.Any(h => h.Contains(date));

    /// <summary>The start of the first school day that starts after <paramref name="incidentUtc"/>, in UTC.</summary>
    public DateTime NextSchoolDayStart(DateTime incidentUtc) => NextSchoolDay(incidentUtc).StartUtc;

    /// <summary>
    /// When the school is to know: by the start of the next school day, and, if the incident falls in school
    /// holidays and the area holds such notifications, not before the first day of term.
    /// </summary>
    public NotificationTiming TimingOf(DateTime incidentUtc)
    {
        var (date, startUtc) = NextSchoolDay(incidentUtc);
        if (Rules.HolidayRule == HolidayRule.HoldUntilTerm && FallsInSchoolHolidays(incidentUtc, date))
        {
            return new NotificationTiming(startUtc, Overnight.EarliestUtc(date.ToDateTime(TimeOnly.MinValue), Zone), Held: true);
        }

        return new NotificationTiming(startUtc, AsUtc(incidentUtc), Held: false);
    }

    /// <summary>
    /// Whether a school holiday lies between the incident and the school day the notification is due: the last
    /// Friday evening of term before half term does, a Friday evening before an ordinary weekend does not.
    /// </summary>
    private bool FallsInSchoolHolidays(DateTime incidentUtc, DateOnly dueDate)
    {
        for (var date = LocalDate(incidentUtc); date < dueDate; date = date.AddDays(1))
        {
            if (IsInSchoolHoliday(date))
            {
                return true;
            }
        }

        return false;
    }

    private (DateOnly Date, DateTime StartUtc) NextSchoolDay(DateTime incidentUtc)
    {
        var incident = AsUtc(incidentUtc);
        var date = LocalDate(incident);
        for (var day = 0; day <= MaxDaysAhead; day++, date = date.AddDays(1))
        {
            if (!IsSchoolDay(date))
            {
                continue;
            }

            // Through Overnight.EarliestUtc, a start the clocks skip or show twice still has one answer.
            var startUtc = Overnight.EarliestUtc(date.ToDateTime(Rules.SchoolDayStart), Zone);
            if (startUtc > incident)
            {
                return (date, startUtc);
            }
        }

        throw new InvalidOperationException($"The school calendar has no school day in the {MaxDaysAhead} days after {incident:yyyy-MM-dd}.");
    }

    private DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone));

    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
