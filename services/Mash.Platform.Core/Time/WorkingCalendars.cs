using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Time;

/// <summary>The working calendar of each area, built once from <see cref="CalendarOptions"/>.</summary>
public sealed class WorkingCalendars
{
    private readonly CalendarOptions _options;
    private readonly IReadOnlyList<DateOnly> _holidays;
    private readonly TimeZoneInfo _zone;
    private readonly ConcurrentDictionary<string, WorkingCalendar> _byArea = new(StringComparer.OrdinalIgnoreCase);

    public WorkingCalendars(IOptions<CalendarOptions> options)
    {
        _options = options.Value;
        var file = string.IsNullOrWhiteSpace(_options.BankHolidaysFile)
            ? Path.Combine(AppContext.BaseDirectory, BankHolidays.DefaultFileName)
            : _options.BankHolidaysFile;
        _holidays = BankHolidays.Load(file, _options.Division);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
    }

    public IReadOnlyList<DateOnly> Holidays => _holidays;

    /// <summary>Whether the area has working hours of its own here ("default" serves the others).</summary>
    public bool Lists(string area) => _options.Areas.Keys.Contains(area, StringComparer.OrdinalIgnoreCase);

    public WorkingCalendar ForArea(string area) => _byArea.GetOrAdd(area, a =>
    {
        var hours = _options.Areas.GetValueOrDefault(a) ?? _options.Areas.GetValueOrDefault("default") ?? new WorkingHoursOptions();
        return new WorkingCalendar(_holidays, hours.DayStart, hours.DayEnd, _zone);
    });
}
