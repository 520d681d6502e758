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
        var due = PageTokenFormats.Due;
        var token = due.Encode(new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc), "ref_abc");
        Assert.True(due.TryDecode(token, out var decoded));
        Assert.Equal(new PageToken<DateTime>(new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc), "ref_abc"), decoded);
        Assert.Equal("djF8NjM5MzEwMzkyMDAwMDAwMDAwfHJlZl9hYmM", token); // "v1|639310392000000000|ref_abc", as tokens partners hold were written

        Assert.False(due.TryDecode("%%%", out _));
        Assert.False(due.TryDecode("djF8bm90LWEtbnVtYmVyfHg", out _)); // "v1|not-a-number|x"
        Assert.False(PageTokenFormats.ByTime("r1").TryDecode(token, out _));
        Assert.True(due.TryDecode("", out var none));
        Assert.Null(none);
    }
}
