using Mash.Platform.Auth;
using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Assessment.V1;
using Mash.Contracts.Events.V1;
using Mash.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Tests.Functional;

public sealed class AccessAndAuditTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    [Fact]
    public async Task Each_rpc_needs_its_own_role()
    {
        var child = Samples.Child();
        var reader = app.As("health-mash", "health", MashRoles.AssessmentRead);
        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Client().RaiseCseFlagAsync(Samples.Raise(child), reader).ResponseAsync);
        Assert.Contains("Cse.Manage", denied.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            app.Client().ScreenCseAsync(new ScreenCseRequest(), app.As("x", "police", MashRoles.CseManage)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            app.Client().ListDailyHighRiskAsync(new ListDailyHighRiskRequest(), app.As("x", "police", MashRoles.AssessmentAssess)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => app.Client().ListAssessmentsAsync(new ListAssessmentsRequest()).ResponseAsync);

        Assert.False(await app.WithDbAsync(db => db.CseFlags.AnyAsync(f => f.ChildKey == app.ChildKey(child))));
    }

    [Fact]
    public async Task A_call_to_a_childs_record_must_state_its_purpose()
    {
        var metadata = app.As();
        metadata.Remove(metadata.Get("x-mash-purpose")!);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = Samples.Child() }, metadata).ResponseAsync);
        Assert.Equal(["x-mash-purpose"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task Reads_and_writes_of_a_childs_record_are_audited_with_who_why_and_the_outcome()
    {
        var child = Samples.Child();
        var childKey = app.ChildKey(child);
        var flag = await app.Client().RaiseCseFlagAsync(Samples.Raise(child, "audited"), app.As());
        await app.Client().GetChildRiskProfileAsync(new GetChildRiskProfileRequest { Child = child }, app.As("health-mash", "health"));
        await Assert.ThrowsAsync<RpcException>(() => app.Client().RaiseCseFlagAsync(Samples.Raise(child, "audited-2"), app.As()).ResponseAsync);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ChildKey == childKey).OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(
            ["/mash.assessment.v1.AssessmentService/RaiseCseFlag", "/mash.assessment.v1.AssessmentService/GetChildRiskProfile", "/mash.assessment.v1.AssessmentService/RaiseCseFlag"],
            entries.Select(e => e.Method));
        Assert.Equal([flag.FlagId, "risk-profile", flag.FlagId], entries.Select(e => e.RecordId));
        Assert.Equal(["OK", "OK", "FailedPrecondition"], entries.Select(e => e.Outcome));
        Assert.Equal(["children-social-care", "health", "children-social-care"], entries.Select(e => e.Agency));
        Assert.All(entries, e => Assert.Equal("MASH assessment", e.Purpose));
        Assert.True((await app.WithDbAsync(db => AuditVerifier.VerifyAsync(db))).Intact);
    }
}
