using Mash.Custody.Domain;
using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Custody.Application;

/// <summary>The area's custody rules and local time zone, as configured for this node.</summary>
internal sealed class CustodyRules(IOptions<CustodyOptions> options, WorkingCalendars calendars, IOptions<MashNodeOptions> node)
{
    public string Area => node.Value.Area;

    public string ThisNode => node.Value.Id;

    public AreaCustodyRules For(string area) => options.Value.For(area);

    public TimeZoneInfo ZoneOf(string area) => calendars.ForArea(area).Zone;

    public DateOnly LocalDay(DateTime utc, string area) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, ZoneOf(area)));
}
