using Mash.Platform.Idempotency;
using Mash.Platform.Paging;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Domain;

public sealed class IdempotencyTests
{
    [Fact]
    public void The_same_body_has_the_same_fingerprint_and_any_change_gives_another()
    {
        var original = RequestFingerprint.OfParts(Samples.FullReferral());
        Assert.Equal(original, RequestFingerprint.OfParts(Samples.FullReferral()));

        var changed = Samples.FullReferral();
        changed.Concern.When = "Yesterday";
        Assert.NotEqual(original, RequestFingerprint.OfParts(changed));
    }

    [Fact]
    public void Page_tokens_round_trip_and_forged_ones_are_refused()
    {
        var token = new DuePageToken(new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc), "ref_abc");
        Assert.True(DuePageToken.TryDecode(token.Encode(), out var decoded));
        Assert.Equal(token, decoded);

        Assert.False(DuePageToken.TryDecode("%%%", out _));
        Assert.False(DuePageToken.TryDecode("djF8bm90LWEtbnVtYmVyfHg", out _)); // "v1|not-a-number|x"
        Assert.True(DuePageToken.TryDecode("", out var none));
        Assert.Null(none);
    }
}
