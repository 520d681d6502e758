using Mash.Platform.Identity;

namespace Mash.Custody.Domain;

/// <summary>PACE s37(15): a juvenile is anyone under 18, at the time of the arrest.</summary>
public static class Juveniles
{
    public const int AdultAge = 18;

    public static int AgeWhenArrested(DateOnly dateOfBirth, DateOnly arrestedOn) => ChildAge.YearsOn(dateOfBirth, arrestedOn);

    public static bool IsJuvenile(int ageWhenArrested) => ageWhenArrested < AdultAge;

    /// <summary>Under 17: the age the review's figures single out (13 under-17s held overnight).</summary>
    public static bool IsUnder17(int ageWhenArrested) => ageWhenArrested < 17;
}
