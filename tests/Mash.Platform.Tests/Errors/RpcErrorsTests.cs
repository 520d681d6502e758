using Google.Rpc;
using Grpc.Core;
using Mash.Platform.Errors;

namespace Mash.Platform.Tests.Errors;

public sealed class RpcErrorsTests
{
    [Fact]
    public void NotFound_names_the_missing_resource()
    {
        var exception = RpcErrors.NotFound("referral", "referrals/42");

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        var info = exception.GetRpcStatus()!.GetDetail<ResourceInfo>();
        Assert.Equal(("referral", "referrals/42"), (info!.ResourceType, info.ResourceName));
        Assert.Contains("referrals/42", exception.Status.Detail);
    }

    [Fact]
    public void NotFound_quotes_a_short_clean_prefix_of_what_the_caller_sent()
    {
        var sent = "ref_\u001b[31m\r\n" + new string('x', 40_000);

        var exception = RpcErrors.NotFound("referral", sent);

        var quoted = exception.GetRpcStatus()!.GetDetail<ResourceInfo>()!.ResourceName;
        Assert.Equal(RpcErrors.MaxQuoted + 1, quoted.Length);
        Assert.StartsWith("ref_?[31m??xxx", quoted, StringComparison.Ordinal);
        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.True(exception.Status.Detail.Length < 200, exception.Status.Detail.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(exception.Status.Detail, char.IsControl);
    }

    [Fact]
    public void FailedPrecondition_says_which_rule_on_which_subject()
    {
        var exception = RpcErrors.FailedPrecondition("referrals/42", "DECISION_ALREADY_RECORDED", "The referral already has a decision.");

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        var violation = Assert.Single(exception.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("DECISION_ALREADY_RECORDED", "referrals/42"), (violation.Type, violation.Subject));
        Assert.Equal("The referral already has a decision.", exception.Status.Detail);
    }

    [Fact]
    public void AlreadyExists_gives_a_machine_readable_reason()
    {
        var exception = RpcErrors.AlreadyExists("DUPLICATE_REFERRAL", "This referral was already made.");

        Assert.Equal(StatusCode.AlreadyExists, exception.StatusCode);
        Assert.Equal("DUPLICATE_REFERRAL", exception.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public void Unavailable_tells_the_caller_to_retry_later() =>
        Assert.Equal(StatusCode.Unavailable, RpcErrors.Unavailable("The broker is down.").StatusCode);
}
