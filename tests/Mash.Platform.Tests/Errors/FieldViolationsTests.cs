using Google.Rpc;
using Grpc.Core;
using Mash.Platform.Errors;

namespace Mash.Platform.Tests.Errors;

public sealed class FieldViolationsTests
{
    [Fact]
    public void Every_bad_field_is_named_in_one_InvalidArgument_error()
    {
        var violations = new FieldViolations()
            .Add("child.nhs_number", "The NHS number's check digit is wrong.")
            .Add("concern.description", "Describe the concern.")
            .Add("referrer.relationship_to_child", "Say how the referrer knows the child.");

        var exception = violations.ToException("The referral is incomplete.");

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(
            [
                ("child.nhs_number", "The NHS number's check digit is wrong."),
                ("concern.description", "Describe the concern."),
                ("referrer.relationship_to_child", "Say how the referrer knows the child."),
            ],
            badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void The_message_lists_every_field_for_a_caller_without_rich_error_support()
    {
        var exception = new FieldViolations()
            .Add("child.nhs_number", "Check digit wrong.")
            .Add("concern.description", "Describe the concern.")
            .ToException("The referral is incomplete.");

        Assert.StartsWith("The referral is incomplete.", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("child.nhs_number: Check digit wrong.", exception.Status.Detail);
        Assert.Contains("concern.description: Describe the concern.", exception.Status.Detail);
    }

    [Fact]
    public void Require_adds_a_violation_only_when_the_condition_fails()
    {
        var violations = new FieldViolations()
            .Require(true, "child.given_name", "Give the child's name.")
            .Require(false, "child.date_of_birth", "Give the date of birth.");

        Assert.True(violations.HasViolations);
        Assert.Equal(["child.date_of_birth"], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void Nothing_is_thrown_when_every_field_is_good()
    {
        var violations = new FieldViolations().Require(true, "child.given_name", "Give the child's name.");

        Assert.False(violations.HasViolations);
        violations.ThrowIfAny();
    }

    [Fact]
    public void ThrowIfAny_fails_the_call_with_every_violation()
    {
        var violations = new FieldViolations().Add("a", "first").Add("b", "second");

        var exception = Assert.Throws<RpcException>(() => violations.ThrowIfAny());

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(["a", "b"], exception.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }
}
