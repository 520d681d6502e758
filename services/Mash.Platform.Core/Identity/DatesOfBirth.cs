using Mash.Contracts.Common.V1;
using Mash.Platform.Errors;

namespace Mash.Platform.Identity;

/// <summary>
/// The date-of-birth rules every service applies the same way: a real calendar date, not in
/// the future, and not so old that it must be a typing slip.
/// </summary>
public static class DatesOfBirth
{
    /// <summary>Older than anyone living; a date before this is taken to be a mistake.</summary>
    public const int MaxAgeInYears = 130;

    /// <summary>Adds a violation on <paramref name="field"/> if a given date breaks a rule; no date is not a violation.</summary>
    public static void Check(FieldViolations v, string field, Date? date, DateOnly today)
    {
        if (date is null)
        {
            return;
        }

        if (!TryToDateOnly(date, out var value))
        {
            v.Add(field, "Not a real calendar date.");
        }
        else if (value > today)
        {
            v.Add(field, "A date of birth cannot be in the future.");
        }
        else if (value.Year < today.Year - MaxAgeInYears)
        {
            v.Add(field, "Too far in the past to be a date of birth.");
        }
    }

    /// <summary>The contract's Date as a DateOnly; false when its parts name no real day.</summary>
    public static bool TryToDateOnly(Date date, out DateOnly value)
    {
        value = default;
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }

        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }
}
