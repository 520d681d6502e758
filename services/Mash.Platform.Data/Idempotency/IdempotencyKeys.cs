using Grpc.Core;
using Mash.Platform.Errors;
using Mash.Platform.Limits;

namespace Mash.Platform.Idempotency;

/// <summary>
/// The idempotency key every creating command takes: what a valid one is, and the refusal when a
/// key comes back with a different request. A key is the caller's (client's) own: two clients may
/// use the same key for different things.
/// </summary>
public static class IdempotencyKeys
{
    public const string Field = "idempotency_key";

    /// <summary>The longest key (and the column's length in every service's table).</summary>
    public const int MaxLength = RequestLimits.MaxKeyLength;

    /// <param name="consequence">What a retry without a key could do, e.g. "create a second referral".</param>
    public static FieldViolations CheckIdempotencyKey(this FieldViolations v, string key, string consequence) => v
        .Require(!string.IsNullOrWhiteSpace(key), Field, $"Give an idempotency key, so a retry cannot {consequence}.")
        .Require(key.Length <= MaxLength, Field, $"At most {MaxLength} characters.")
        .Require(key.All(c => c is > ' ' and < '\u007f'), Field, "Printable ASCII without spaces only.");

    /// <summary>The key came back with another request: a new thing needs a new key.</summary>
    /// <param name="what">What the key made, e.g. "referral".</param>
    public static RpcException Reused(string what) =>
        RpcErrors.AlreadyExists("IDEMPOTENCY_KEY_REUSED", $"This idempotency key was already used for a different {what}; use a new key for a new {what}.");

    /// <summary>Answers a retry: the same fingerprint is the same request; another is <see cref="Reused"/>.</summary>
    public static void CheckRetry(string storedFingerprint, string fingerprint, string what)
    {
        if (storedFingerprint != fingerprint)
        {
            throw Reused(what);
        }
    }
}
