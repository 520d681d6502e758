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

    public AreaInvestigationRules For(string area) => options.Value.For(area);

    public TimeZoneInfo ZoneOf(string area) => calendars.ForArea(area).Zone;

    public string AreaOr(string given) => given.Trim() is { Length: > 0 } area ? area : Area;

    /// <summary>An area given in a request is the node's or one with settings of its own; else INVALID_ARGUMENT on the field.</summary>
    public Platform.Errors.FieldViolations CheckArea(Platform.Errors.FieldViolations v, string field, string given) =>
        v.Require(given.Trim() is not { Length: > 0 } area || string.Equals(area, Area, StringComparison.OrdinalIgnoreCase) || options.Value.Lists(area),
            field, $"Not an area of this node: its own ('{Area}') or one listed under {InvestigationOptions.Section}:Areas.");
}
