using Mash.Investigation.Domain;
using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.Extensions.Options;

namespace Mash.Investigation.Application;

/// <summary>The areas' investigation rules and time zones, as configured for this node.</summary>
internal sealed class InvestigationRules(IOptions<InvestigationOptions> options, WorkingCalendars calendars, IOptions<MashNodeOptions> node)
{
    public string Area => node.Value.Area;

    public string ThisNode => node.Value.Id;

    public int MaxReportDays => options.Value.MaxReportDays;

    public AreaInvestigationRules For(string area) => options.Value.For(area);

    public TimeZoneInfo ZoneOf(string area) => calendars.ForArea(area).Zone;

    public string AreaOr(string given) => given.Trim() is { Length: > 0 } area ? area : Area;
}
