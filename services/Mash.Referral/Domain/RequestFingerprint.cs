using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// Identifies a submission's body, so a retry with the same idempotency key can be told apart
/// from a different referral sent under a reused key.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The details, and the receipt time when one was given (without one, as fingerprints always were).</summary>
    public static string Of(ReferralDetails details, Timestamp? receivedAt = null)
    {
        var hash = SHA256.HashData(details.ToByteArray());
        if (receivedAt is not null)
        {
            // The details' fixed-length hash first, so no other body can read as details and time.
            hash = SHA256.HashData([.. hash, .. receivedAt.ToByteArray()]);
        }

        return Convert.ToHexStringLower(hash);
    }
}
