using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Offender.V1;
using Mash.Platform.Errors;
using Mash.Platform.Idempotency;

namespace Mash.Platform.Tests.Idempotency;

/// <summary>What a valid key is, and how a retry is told from another request under the same key.</summary>
public sealed class IdempotencyKeysTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    public void A_missing_or_unprintable_key_is_a_violation_of_the_key_field(string key)
    {
        var violations = new FieldViolations().CheckIdempotencyKey(key, "create a second referral");

        Assert.Equal([IdempotencyKeys.Field], violations.Items.Select(v => v.Field).Distinct());
    }

    [Fact]
    public void A_key_at_the_limit_passes_and_one_over_it_does_not()
    {
        Assert.False(new FieldViolations().CheckIdempotencyKey(new string('k', IdempotencyKeys.MaxLength), "x").HasViolations);
        Assert.True(new FieldViolations().CheckIdempotencyKey(new string('k', IdempotencyKeys.MaxLength + 1), "x").HasViolations);
    }

    [Fact]
    public void The_fingerprint_ignores_the_key_and_sees_any_change_in_the_body()
    {
        var request = new RecordVisitRequest { IdempotencyKey = "a", OffenderId = "off_1", Notes = "Seen at home" };
        var sameUnderAnotherKey = new RecordVisitRequest(request) { IdempotencyKey = "b" };
        var changed = new RecordVisitRequest(request) { Notes = "Not seen" };

        Assert.Equal(RequestFingerprint.Of(request), RequestFingerprint.Of(sameUnderAnotherKey));
        Assert.NotEqual(RequestFingerprint.Of(request), RequestFingerprint.Of(changed));
        Assert.Equal("a", request.IdempotencyKey);
    }

    [Fact]
    public void A_fingerprint_of_parts_is_unchanged_by_a_missing_later_part_and_changed_by_a_present_one()
    {
        var first = new RecordVisitRequest { Notes = "one" };

        Assert.Equal(RequestFingerprint.OfParts(first), RequestFingerprint.OfParts(first, [null]));
        Assert.NotEqual(RequestFingerprint.OfParts(first), RequestFingerprint.OfParts(first, new RecordVisitRequest { Notes = "two" }));
    }

    [Fact]
    public void Another_request_under_a_used_key_is_already_exists_with_a_machine_readable_reason()
    {
        IdempotencyKeys.CheckRetry("abc", "abc", "referral");

        var reused = Assert.Throws<RpcException>(() => IdempotencyKeys.CheckRetry("abc", "def", "referral"));

        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.Contains("use a new key for a new referral", reused.Status.Detail, StringComparison.Ordinal);
    }
}
