using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Platform.Audit;

namespace Mash.Platform.Tests.Audit;

public sealed class CallAuditTests
{
    [Fact]
    public void A_call_that_says_neither_why_nor_under_which_basis_is_refused_naming_both_headers()
    {
        var call = new CallAudit();

        var exception = Assert.Throws<RpcException>(() => call.RequireStatedPurpose());

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(
            [CallAudit.PurposeHeader, CallAudit.LawfulBasisHeader],
            exception.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void A_stated_purpose_and_basis_are_accepted()
    {
        var call = new CallAudit { Purpose = "MASH screening", LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK" };

        call.RequireStatedPurpose();

        Assert.Equal("MASH screening", call.Purpose);
    }

    [Fact]
    public void The_body_can_supply_purpose_and_basis_when_the_metadata_does_not()
    {
        var call = new CallAudit();

        call.RequireStatedPurpose("Strategy discussion", LawfulBasis.SafeguardingOfChildren);

        Assert.Equal("Strategy discussion", call.Purpose);
        Assert.Equal("LAWFUL_BASIS_SAFEGUARDING_OF_CHILDREN", call.LawfulBasis);
    }

    [Fact]
    public void An_unknown_basis_or_an_overlong_purpose_is_refused()
    {
        var call = new CallAudit { Purpose = new string('x', 501), LawfulBasis = "BECAUSE" };

        var exception = Assert.Throws<RpcException>(() => call.RequireStatedPurpose());

        Assert.Equal(
            [CallAudit.PurposeHeader, CallAudit.LawfulBasisHeader],
            exception.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void Touched_records_are_remembered_in_order()
    {
        var call = new CallAudit();

        call.Touch("key-a", "referral-1");
        call.Touch("key-b", "referral-2");

        Assert.Equal([new AuditSubject("key-a", "referral-1"), new AuditSubject("key-b", "referral-2")], call.Subjects);
    }
}
