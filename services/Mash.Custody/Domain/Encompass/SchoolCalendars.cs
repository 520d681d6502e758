using System.Collections.Concurrent;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// The school calendar of each area, built once: the bank holidays and time zone of the area's working
/// calendar (<c>Mash:Calendar</c>), with the area's school rules (<c>Mash:Encompass</c>).
/// </summary>
public sealed class SchoolCalendars
{
    private readonly WorkingCalendars _workingCalendars;
    private readonly EncompassOptions _options;
    private readonly ConcurrentDictionary<string, SchoolCalendar> _byArea = new(StringComparer.OrdinalIgnoreCase);

    public SchoolCalendars(WorkingCalendars workingCalendars, IOptions<EncompassOptions> options)
    {
        _workingCalendars = workingCalendars;
        _options = options.Value;
    }

    public SchoolCalendar ForArea(string area) => _byArea.GetOrAdd(area, a =>
        new SchoolCalendar(_workingCalendars.Holidays, _options.For(a), _workingCalendars.ForArea(a).Zone));
}
