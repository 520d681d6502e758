using Mash.Platform.Identity;

namespace Mash.Custody.Domain.Encompass;

/// <summary>
/// Whether a child is of the ages the area notifies schools about, counted in whole years on the incident's
/// date as <see cref="ChildAge"/> counts them (a birthday counts from its first moment).
/// </summary>
public static class SchoolAge
{
    /// <summary>Null when the child's age is within the area's range, else why no notification is made, naming the setting.</summary>
    public static string? Refusal(DateOnly dateOfBirth, DateOnly onDate, AreaSchoolRules rules, string area)
    {
        if (dateOfBirth > onDate)
        {
            return $"The child's date of birth, {dateOfBirth:yyyy-MM-dd}, is after the incident's date, {onDate:yyyy-MM-dd}.";
        }

        var age = ChildAge.YearsOn(dateOfBirth, onDate);
        if (age >= rules.MinimumAge && age <= rules.MaximumAge)
        {
            return null;
        }

        return $"The child is {age} on the incident's date; this area's notifications to schools are for children aged "
            + $"{rules.MinimumAge} to {rules.MaximumAge} ({EncompassOptions.Section}:Areas:{area}:MinimumAge, MaximumAge).";
    }
}
