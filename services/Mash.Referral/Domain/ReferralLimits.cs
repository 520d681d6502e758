using Mash.Platform.Errors;
using Mash.Platform.Limits;

namespace Mash.Referral.Domain;

/// <summary>The sizes of identifiers, checked before any lookup.</summary>
public static class ReferralLimits
{
    /// <summary>A referral id is "ref_" and 32 hex digits; anything far longer is refused unread.</summary>
    public const int MaxReferralIdLength = RequestLimits.MaxIdLength;

    /// <summary>A node id (Mash:Node:Id), as it travels on events and names a front door.</summary>
    public const int MaxNodeIdLength = RequestLimits.MaxNodeIdLength;
}

/// <summary>The checks every request naming a referral makes first.</summary>
public static class ReferralIdChecks
{
    public static FieldViolations RequireReferralId(this FieldViolations violations, string referralId, string field = "referral_id") => violations
        .Require(referralId.Length > 0, field, "Name the referral.")
        .Require(referralId.Length <= ReferralLimits.MaxReferralIdLength, field, $"At most {ReferralLimits.MaxReferralIdLength} characters: not a referral id.");
}
