using System.Security.Cryptography;
using Google.Protobuf;
using Mash.Contracts.Referral.V1;

namespace Mash.Referral.Domain;

/// <summary>
/// Identifies a submission's body, so a retry with the same idempotency key can be told apart
/// from a different referral sent under a reused key.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(ReferralDetails details) =>
        Convert.ToHexStringLower(SHA256.HashData(details.ToByteArray()));
}
