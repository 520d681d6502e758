using Mash.Platform.Errors;

namespace Mash.Custody.Domain;

/// <summary>
/// PACE s38(6): after charge and refusal of bail, the child is to be moved to local authority
/// accommodation; secure accommodation may be sought only for a child of 12 or over, and only when
/// no other accommodation would protect the public from serious harm from them.
/// </summary>
public static class AccommodationRules
{
    public const int MaxReason = 1_000;

    public static FieldViolations CheckSecure(this FieldViolations v, bool sought, string reason, int ageWhenArrested, AreaCustodyRules rules)
    {
        if (!sought)
        {
            return v.Require(reason.Length == 0, "public_protection_reason", "Only with secure accommodation sought.");
        }

        return v
            .Require(ageWhenArrested >= rules.SecureAccommodationMinimumAge, "secure_accommodation_sought",
                $"Secure accommodation may be sought only for a child of {rules.SecureAccommodationMinimumAge} or over; this child was {ageWhenArrested} when arrested.")
            .CheckText("public_protection_reason", reason, MaxReason, "Say why only secure accommodation would protect the public from serious harm.");
    }
}
