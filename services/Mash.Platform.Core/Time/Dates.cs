using Mash.Contracts.Common.V1;
using Mash.Platform.Identity;

namespace Mash.Platform.Time;

/// <summary>Contract dates (no time zone) to and from <see cref="DateOnly"/>.</summary>
public static class Dates
{
    /// <summary>False when absent or not a real calendar day.</summary>
    public static bool TryGet(Date? date, out DateOnly value)
    {
        value = default;
        return date is not null && DatesOfBirth.TryToDateOnly(date, out value);
    }

    public static DateOnly? Optional(Date? date) => TryGet(date, out var value) ? value : null;

    public static Date ToContract(DateOnly value) => new() { Year = value.Year, Month = value.Month, Day = value.Day };

    public static Date? ToContract(DateOnly? value) => value is { } day ? ToContract(day) : null;

    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
