using Mash.Platform.Hosting;

namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// Configuration section <c>Mash:Encompass</c>: per area (<c>Areas:&lt;area&gt;</c>, "default" for areas
/// not listed), when the area's schools start their day, the local authority's school holidays, and which
/// children Operation Encompass notifications are for.
/// </summary>
public sealed class EncompassOptions : AreaSettings<AreaSchoolRules>
{
    public const string Section = "Mash:Encompass";

    public bool IsUsable() => Areas.Values.All(a => a.IsUsable());
}

/// <summary>The defaults suit a typical English primary and secondary school; term dates have no default and are configured per area.</summary>
public sealed record AreaSchoolRules
{
    /// <summary>
    /// When the school day starts, local time in the area's zone: a notification is due before it, so the key
    /// adult knows before the child arrives. 08:45 is when most schools' registration begins.
    /// </summary>
    public TimeOnly SchoolDayStart { get; init; } = new(8, 45);

    /// <summary>
    /// The local authority's school holidays, from its published term dates. Empty by default: term dates
    /// differ between local authorities and years, so no guess would be safe; only weekends and bank holidays then close schools.
    /// </summary>
    public List<SchoolHoliday> SchoolHolidays { get; init; } = [];

    /// <summary>What happens to an incident that falls in school holidays; held until term unless the area's schools watch their lists in holidays.</summary>
    public HolidayRule HolidayRule { get; init; } = HolidayRule.HoldUntilTerm;

    /// <summary>The youngest age, in whole years on the incident's date, notified to a school: 4, a reception class child.</summary>
    public int MinimumAge { get; init; } = 4;

    /// <summary>The oldest age, in whole years on the incident's date, notified to a school: 17, the end of sixth form.</summary>
    public int MaximumAge { get; init; } = 17;

    public bool IsUsable() =>
        MinimumAge is >= 2 and <= 18 && MaximumAge >= MinimumAge && MaximumAge <= 18
        && SchoolHolidays.Count <= 100
        && SchoolHolidays.All(h => h.To >= h.From && h.To.DayNumber - h.From.DayNumber < 366);
}

/// <summary>A school holiday from the local authority's term dates, both days included.</summary>
public sealed record SchoolHoliday
{
    public DateOnly From { get; init; }

    /// <summary>The last day of the holiday, included.</summary>
    public DateOnly To { get; init; }

    /// <summary>What the local authority calls it ("Christmas", "Spring half term"), for people reading the settings.</summary>
    public string Name { get; init; } = "";

    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>What happens to a notification for an incident that falls in school holidays.</summary>
public enum HolidayRule
{
    /// <summary>
    /// The school sees it from the first day of term, so sensitive detail about a child's home does not sit
    /// unread in the list of a closed school.
    /// </summary>
    HoldUntilTerm,

    /// <summary>The key adult sees it straight away, for areas whose schools watch their lists in holidays.</summary>
    NotifyAtOnce,
}
