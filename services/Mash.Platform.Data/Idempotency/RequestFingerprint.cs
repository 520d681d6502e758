using System.Security.Cryptography;
using Google.Protobuf;

namespace Mash.Platform.Idempotency;

/// <summary>
/// What identifies a request's body, so a retry under an idempotency key (same fingerprint) can be
/// told from a different request sent under a reused key. Fingerprints are stored with what they
/// made, so their form never changes: a retry after an upgrade must still match.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The request without its <c>idempotency_key</c> field (SHA-256 of its protobuf bytes, hex).</summary>
    public static string Of<T>(T request) where T : IMessage<T>
    {
        var body = request.Clone();
        body.Descriptor.FindFieldByName(IdempotencyKeys.Field)?.Accessor.SetValue(body, "");
        return Convert.ToHexStringLower(SHA256.HashData(body.ToByteArray()));
    }

    /// <summary>
    /// Parts of a request: the first part's hash, then each later part that is present hashed after
    /// the one before (fixed-length hash first, so no other body can read as the same parts).
    /// A missing later part leaves the fingerprint as it was without it.
    /// </summary>
    public static string OfParts(IMessage first, params IMessage?[] more)
    {
        var hash = SHA256.HashData(first.ToByteArray());
        foreach (var part in more)
        {
            if (part is not null)
            {
                hash = SHA256.HashData([.. hash, .. part.ToByteArray()]);
            }
        }

        return Convert.ToHexStringLower(hash);
    }
}
