using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Errors;
using Mash.Platform.Limits;

namespace Mash.Platform.Tests.Limits;

public sealed class RequestLimitCheckerTests
{
    [Fact]
    public void A_list_filter_of_ten_values_passes_and_of_eleven_is_refused_by_name()
    {
        var ten = new ListReferralsRequest();
        ten.Statuses.AddRange(Enumerable.Repeat(ReferralStatus.AwaitingScreening, 10));
        Assert.False(RequestLimitChecker.Check(ten).HasViolations);

        var many = new ListReferralsRequest();
        many.Statuses.AddRange(Enumerable.Repeat(ReferralStatus.AwaitingScreening, 50_000));
        var violation = Assert.Single(RequestLimitChecker.Check(many).Items);
        Assert.Equal("statuses", violation.Field);
        Assert.Equal("At most 10 values (this request has 50000).", violation.Description);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_refused_without_being_quoted()
    {
        var request = new GetReferralRequest { ReferralId = new string('x', 40_000) };
        var violation = Assert.Single(RequestLimitChecker.Check(request).Items);
        Assert.Equal("referral_id", violation.Field);
        Assert.DoesNotContain("xxx", violation.Description);
        Assert.False(RequestLimitChecker.Check(new GetReferralRequest { ReferralId = new string('x', 64) }).HasViolations);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u001b[31m")]
    [InlineData("line\nbreak")]
    [InlineData("\u0085")]
    public void A_name_or_id_refuses_every_control_character(string control)
    {
        var request = new GetReferralRequest { ReferralId = "ref" + control };
        Assert.Equal("referral_id", Assert.Single(RequestLimitChecker.Check(request).Items).Field);
    }

    [Fact]
    public void Free_text_keeps_tabs_and_line_breaks_but_refuses_nul_and_escape()
    {
        Assert.False(RequestLimitChecker.Check(new RecordScreeningRequest { ReferralId = "r1", Rationale = "one\r\n\ttwo" }).HasViolations);

        var violation = Assert.Single(RequestLimitChecker.Check(new RecordScreeningRequest { ReferralId = "r1", Rationale = "one\u001btwo\0" }).Items);
        Assert.Equal("rationale", violation.Field);
        Assert.Contains("U+001B at position 3", violation.Description);
    }

    [Fact]
    public void Nested_and_repeated_fields_are_named_by_their_path()
    {
        var request = new RecordAttendanceRequest { DiscussionId = "d1" };
        request.Participants.Add(new Participant { Name = "Ann" });
        request.Participants.Add(new Participant { Name = "Bo\0b" });
        Assert.Equal("participants[1].name", Assert.Single(RequestLimitChecker.Check(request).Items).Field);
    }

    [Fact]
    public void A_request_with_thousands_of_bad_values_names_twenty_and_counts_the_rest()
    {
        var request = new RecordAttendanceRequest { DiscussionId = "d1" };
        for (var i = 0; i < 100; i++)
        {
            request.Participants.Add(new Participant { Name = "\0" });
        }

        var violations = RequestLimitChecker.Check(request);
        Assert.Equal(FieldViolations.MaxReported, violations.Items.Count);
        var refusal = Assert.Throws<RpcException>(() => violations.ThrowIfAny());
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.EndsWith("(and 80 more)", refusal.Status.Detail);
        Assert.True(refusal.Status.Detail.Length < 4_000, $"message of {refusal.Status.Detail.Length} characters");
    }

    [Fact]
    public void Page_tokens_and_idempotency_keys_have_their_own_maximums()
    {
        var page = new ListReferralsRequest { Page = new PageRequest { PageToken = new string('a', 513) } };
        Assert.Equal("page.page_token", Assert.Single(RequestLimitChecker.Check(page).Items).Field);

        var submit = new SubmitReferralRequest { IdempotencyKey = new string('k', 128) };
        Assert.False(RequestLimitChecker.Check(submit).HasViolations);
        submit.IdempotencyKey += "k";
        Assert.Equal("idempotency_key", Assert.Single(RequestLimitChecker.Check(submit).Items).Field);
    }
}
