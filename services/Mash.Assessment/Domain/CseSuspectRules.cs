using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Errors;
using Mash.Platform.Identity;

namespace Mash.Assessment.Domain;

/// <summary>
/// A CSE flag's suspected perpetrator and where the child was contacted: what may be recorded, and
/// the part partners receive (an age band, never the age; whether a person record is linked, never
/// its id nor a description). The review behind it found the perpetrator's age and the platform
/// written only in free text, so no partner could see that a 47-year-old met a 16-year-old online.
/// </summary>
public static class CseSuspectRules
{
    /// <summary>The age of criminal responsibility in England and Wales.</summary>
    public const int MinAge = 10;
    public const int MaxAge = 100;
    public const int MaxDescription = 1_000;
    public const int MaxPlatform = 100;
    public const int MaxPlace = 200;

    public static void Check(FieldViolations v, SuspectedPerpetrator? suspect, CseContactContext? contact)
    {
        if (suspect is not null)
        {
            CheckSuspect(v, suspect);
        }

        if (contact is not null)
        {
            v.Require(contact.OnlinePlatform.Length <= MaxPlatform, "contact.online_platform", $"At most {MaxPlatform} characters, e.g. \"Facebook\".");
            v.Require(contact.Place.Length <= MaxPlace, "contact.place", $"At most {MaxPlace} characters: the kind of place or the area, never a home address.");
        }
    }

    private static void CheckSuspect(FieldViolations v, SuspectedPerpetrator suspect)
    {
        var age = suspect.AgeYears;
        var ageKnown = age is >= MinAge and <= MaxAge;
        v.Require(age == 0 || ageKnown, "suspect.age_years", $"An age from {MinAge} to {MaxAge} years, or 0 when not known (then give age_band if it can be estimated).");
        if (!Enum.IsDefined(suspect.AgeBand))
        {
            v.Add("suspect.age_band", "Not a known age band.");
        }
        else if (ageKnown && suspect.AgeBand != SuspectAgeBand.Unspecified && suspect.AgeBand != BandOf(age))
        {
            v.Add("suspect.age_band", $"An age of {age} falls in {Describe(BandOf(age))}: give that band, or leave age_band unset.");
        }

        v.Require(Enum.IsDefined(suspect.Relationship), "suspect.relationship", "Not a known relationship; leave it unset when not known.");
        var offenderId = suspect.OffenderId;
        v.Require(offenderId.Length == 0 || OffenderIds.IsWellFormed(offenderId), "suspect.offender_id",
            $"Not an offender id of this node's Offender service (\"{OffenderIds.Prefix}\" and 32 hex digits); leave it empty when the suspect is not managed here.");
        v.Require(suspect.Description.Length <= MaxDescription, "suspect.description", $"At most {MaxDescription} characters.");
    }

    /// <summary>As the flag keeps it: texts trimmed, the band filled in from the age; null when nothing is known.</summary>
    public static SuspectedPerpetrator? Normalise(SuspectedPerpetrator? suspect)
    {
        if (suspect is null)
        {
            return null;
        }

        var kept = new SuspectedPerpetrator
        {
            AgeYears = suspect.AgeYears,
            AgeBand = suspect.AgeYears > 0 ? BandOf(suspect.AgeYears) : suspect.AgeBand,
            Relationship = suspect.Relationship,
            OffenderId = suspect.OffenderId.Trim(),
            Description = suspect.Description.Trim(),
        };
        return kept.Equals(new SuspectedPerpetrator()) ? null : kept;
    }

    /// <inheritdoc cref="Normalise(SuspectedPerpetrator?)"/>
    public static CseContactContext? Normalise(CseContactContext? contact)
    {
        if (contact is null)
        {
            return null;
        }

        var kept = new CseContactContext { OnlinePlatform = contact.OnlinePlatform.Trim(), Place = contact.Place.Trim() };
        return kept.Equals(new CseContactContext()) ? null : kept;
    }

    public static SuspectAgeBand BandOf(int ageYears) => ageYears switch
    {
        < 18 => SuspectAgeBand.Under18,
        < 25 => SuspectAgeBand.Aged18To24,
        < 35 => SuspectAgeBand.Aged25To34,
        < 45 => SuspectAgeBand.Aged35To44,
        < 55 => SuspectAgeBand.Aged45To54,
        _ => SuspectAgeBand.Aged55AndOver,
    };

    /// <summary>Copies onto a partner's event what partners may know of the suspect and the contact; nothing else.</summary>
    public static void ShareInto(CseFlagChanged shared, SuspectedPerpetrator? suspect, CseContactContext? contact)
    {
        if (suspect is not null)
        {
            shared.SuspectAgeBand = suspect.AgeYears > 0 ? BandOf(suspect.AgeYears) : suspect.AgeBand;
            shared.SuspectRelationship = suspect.Relationship;
            shared.SuspectLinkedToPersonRecord = suspect.OffenderId.Length > 0;
        }

        shared.Contact = contact?.Clone();
    }

    public static string Describe(SuspectAgeBand band) => band switch
    {
        SuspectAgeBand.Under18 => "under 18",
        SuspectAgeBand.Aged18To24 => "18 to 24",
        SuspectAgeBand.Aged25To34 => "25 to 34",
        SuspectAgeBand.Aged35To44 => "35 to 44",
        SuspectAgeBand.Aged45To54 => "45 to 54",
        SuspectAgeBand.Aged55AndOver => "55 and over",
        _ => "not known",
    };
}
