using Mash.Platform.Time;
using Mash.Platform.Identity;
using Mash.Contracts.Common.V1;

namespace Mash.Offender.Domain;

/// <summary>
/// A child abduction warning notice protects only a child under 16, or under 18 if in
/// local-authority care, on the day it starts: a child of 16 or 17 not in care, or anyone 18 or
/// over (on their 18th birthday too), cannot be protected by one.
/// </summary>
public static class CawnEligibility
{
    public const int MaxAge = 16;
    public const int MaxAgeInCare = 18;

    /// <summary>Why the child cannot be protected, naming them; null when they can.</summary>
    public static string? Refusal(ChildIdentity child, bool inLocalAuthorityCare, DateOnly startsOn)
    {
        if (!Dates.TryGet(child.DateOfBirth, out var born))
        {
            return $"Give {Name(child)}'s date of birth: a child abduction warning notice depends on the child's age.";
        }

        var age = ChildAge.YearsOn(born, startsOn);
        if (age < MaxAge || (inLocalAuthorityCare && age < MaxAgeInCare))
        {
            return null;
        }

        var rule = "A child abduction warning notice protects children under 16, or under 18 in local-authority care";
        return inLocalAuthorityCare
            ? $"{rule}: {Name(child)} is {age} on {Dates.Text(startsOn)}, too old even in local-authority care."
            : $"{rule}: {Name(child)} is {age} on {Dates.Text(startsOn)} and not in local-authority care.";
    }

    /// <summary>The child as the caller named them: the name, else the NHS number.</summary>
    public static string Name(ChildIdentity child)
    {
        var name = $"{child.GivenName.Trim()} {child.FamilyName.Trim()}".Trim();
        return name.Length > 0 ? name : $"the child with NHS number {child.NhsNumber.Trim()}";
    }
}
