namespace Mash.Platform.Time;

/// <summary>Configuration section <c>Mash:Calendar</c>: where working time is defined.</summary>
public sealed record CalendarOptions
{
    public const string Section = "Mash:Calendar";

    /// <summary>Path to a GOV.UK-format bank holiday file; empty means the one shipped with the service.</summary>
    public string BankHolidaysFile { get; init; } = "";
    public string Division { get; init; } = "england-and-wales";
    public string TimeZone { get; init; } = "Europe/London";

    /// <summary>Working hours per area; the entry named "default" applies to areas not listed.</summary>
    public Dictionary<string, WorkingHoursOptions> Areas { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed record WorkingHoursOptions
{
    public TimeOnly DayStart { get; init; } = new(9, 0);
    public TimeOnly DayEnd { get; init; } = new(17, 0);
}
