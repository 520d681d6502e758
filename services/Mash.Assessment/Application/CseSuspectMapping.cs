using Mash.Assessment.Data;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Assessment.IntegrationEvents;

namespace Mash.Assessment.Application;

/// <summary>A flag's suspected perpetrator and contact context between its columns and the contract.</summary>
internal static class CseSuspectMapping
{
    /// <summary>Null when the flag names no suspect.</summary>
    public static SuspectedPerpetrator? Suspect(this CseFlagRecord flag)
    {
        var suspect = new SuspectedPerpetrator
        {
            AgeYears = flag.SuspectAgeYears,
            AgeBand = flag.SuspectAgeBand,
            Relationship = flag.SuspectRelationship,
            OffenderId = flag.SuspectOffenderId,
            Description = flag.SuspectDescription,
        };
        return suspect.Equals(new SuspectedPerpetrator()) ? null : suspect;
    }

    /// <summary>Null when no contact was recorded.</summary>
    public static CseContactContext? Contact(this CseFlagRecord flag) =>
        flag.ContactPlatform.Length == 0 && flag.ContactPlace.Length == 0
            ? null
            : new CseContactContext { OnlinePlatform = flag.ContactPlatform, Place = flag.ContactPlace };

    /// <summary>Keeps what the request gave (already normalised: null for nothing).</summary>
    public static void Keep(this CseFlagRecord flag, SuspectedPerpetrator? suspect)
    {
        flag.SuspectAgeYears = suspect?.AgeYears ?? 0;
        flag.SuspectAgeBand = (suspect?.AgeBand ?? SuspectAgeBand.Unspecified);
        flag.SuspectRelationship = (suspect?.Relationship ?? SuspectRelationship.Unspecified);
        flag.SuspectOffenderId = suspect?.OffenderId ?? "";
        flag.SuspectDescription = suspect?.Description ?? "";
    }

    /// <inheritdoc cref="Keep(CseFlagRecord, SuspectedPerpetrator?)"/>
    public static void Keep(this CseFlagRecord flag, CseContactContext? contact)
    {
        flag.ContactPlatform = contact?.OnlinePlatform ?? "";
        flag.ContactPlace = contact?.Place ?? "";
    }
}
