namespace Mash.Platform.Identity;

/// <summary>Age in whole years, as a practitioner counts it: a birthday counts from its first moment.</summary>
public static class ChildAge
{
    public static int YearsOn(DateOnly dateOfBirth, DateOnly on)
    {
        var years = on.Year - dateOfBirth.Year;
        // Born on 29 February: in a common year the birthday is taken to be 1 March.
        var birthday = dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(on.Year)
            ? new DateOnly(on.Year, 3, 1)
            : new DateOnly(on.Year, dateOfBirth.Month, dateOfBirth.Day);
        return on < birthday ? years - 1 : years;
    }

    /// <summary>The child's age in years on <paramref name="today"/>, if a real date of birth is known.</summary>
    public static int? Of(Mash.Contracts.Common.V1.ChildIdentity? child, DateOnly today) =>
        child?.DateOfBirth is { } date && DatesOfBirth.TryToDateOnly(date, out var born) && born <= today ? YearsOn(born, today) : null;
}
